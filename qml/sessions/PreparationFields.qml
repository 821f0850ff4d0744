import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common

// Before needling: the consent form signed (and its version), the numbing cream with its
// time on the skin, and how the skin was prepared.
GridLayout {
    id: prep
    columns: 2
    columnSpacing: Theme.unit * 2
    rowSpacing: Theme.unit

    function values() {
        return { consentForm: consentForm.text, consentVersion: consentVersion.text,
                 anaesthetic: anaesthetic.text, anaestheticMinutes: minutes.text,
                 skinPrep: skinPrep.text }
    }

    Label { text: qsTr("Consent form signed"); Layout.preferredWidth: Theme.base * 13 }
    RowLayout {
        Layout.fillWidth: true
        TextField { id: consentForm; objectName: "consentForm"; placeholderText: qsTr("e.g. Microneedling consent"); Layout.fillWidth: true; Accessible.name: qsTr("Treatment consent form") }
        TextField { id: consentVersion; objectName: "consentVersion"; placeholderText: qsTr("Version"); Layout.preferredWidth: Theme.base * 7; Accessible.name: qsTr("Consent form version") }
    }
    Label { text: qsTr("Numbing cream") }
    RowLayout {
        Layout.fillWidth: true
        TextField { id: anaesthetic; objectName: "anaesthetic"; placeholderText: qsTr("Topical anaesthetic, e.g. lidocaine 4%"); Layout.fillWidth: true; Accessible.name: qsTr("Topical anaesthetic") }
        TextField {
            id: minutes
            objectName: "anaestheticMinutes"
            placeholderText: qsTr("Minutes")
            validator: IntValidator { bottom: 0; top: 240 }
            Layout.preferredWidth: Theme.base * 5
            Accessible.name: qsTr("Minutes the numbing cream stayed on the skin")
        }
        Label { text: qsTr("min on the skin") }
    }
    Label { text: qsTr("Skin preparation") }
    TextField { id: skinPrep; objectName: "skinPrep"; placeholderText: qsTr("Cleanser or antiseptic, e.g. chlorhexidine 0.5%"); Layout.fillWidth: true; Accessible.name: qsTr("Skin preparation or antiseptic") }
}
