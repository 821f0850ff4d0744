import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common
import Punctum.Sessions

// At the end of the session: the endpoint reached (redness on the CEA scale, bleeding from
// none to active) and whether antiviral prophylaxis was given. "Not recorded" is never 0.
GridLayout {
    id: endpoint
    required property TreatmentRecordForm form
    columns: 2
    columnSpacing: Theme.unit * 2
    rowSpacing: Theme.unit

    function values() {
        return { endpointErythema: redness.currentValue, endpointBleeding: bleeding.currentValue,
                 antiviral: antiviral.currentValue }
    }

    Label { text: qsTr("Redness reached (CEA)"); Layout.preferredWidth: Theme.base * 13 }
    ComboBox {
        id: redness
        objectName: "endpointRedness"
        model: endpoint.form.rednessChoices
        textRole: "label"
        valueRole: "value"
        Layout.fillWidth: true
        Accessible.name: qsTr("Redness reached at the end, Clinician's Erythema Assessment")
    }
    Label { text: qsTr("Bleeding reached") }
    ComboBox {
        id: bleeding
        objectName: "endpointBleeding"
        model: endpoint.form.bleedingChoices
        textRole: "label"
        valueRole: "value"
        Layout.fillWidth: true
        Accessible.name: qsTr("Bleeding reached at the end")
    }
    Label { text: qsTr("Antiviral prophylaxis") }
    ComboBox {
        id: antiviral
        objectName: "antiviralPicker"
        model: [{ key: "", label: qsTr("Not recorded") }, { key: "yes", label: qsTr("Given") },
                { key: "no", label: qsTr("Not given") }]
        textRole: "label"
        valueRole: "key"
        Layout.fillWidth: true
        Accessible.name: qsTr("Antiviral prophylaxis given")
    }
}
