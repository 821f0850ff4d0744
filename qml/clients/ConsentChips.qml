import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Clients

// A client's photo consents as chips (UI.md "Client": consents as chips), each with a word
// and a mark, never colour alone; "Change consent" asks again and records the new answers.
RowLayout {
    id: chips
    property ClientPageController detail
    property bool editable: false
    spacing: Theme.unit

    Flow {
        Layout.fillWidth: true
        spacing: Theme.unit
        Repeater {
            model: chips.detail ? chips.detail.consents : []
            delegate: Rectangle {
                required property var modelData
                required property int index
                objectName: "consentChip" + index
                readonly property string mark: modelData.answer === "granted" ? "\u2713"
                                             : modelData.answer === "withheld" ? "\u2715" : "?"
                readonly property string word: modelData.answer === "granted" ? qsTr("yes")
                                             : modelData.answer === "withheld" ? qsTr("no")
                                             : qsTr("not asked")
                radius: height / 2
                color: "transparent"
                border.color: chips.Material.hintTextColor
                implicitWidth: chipText.implicitWidth + Theme.unit * 3
                implicitHeight: chipText.implicitHeight + Theme.unit
                Accessible.role: Accessible.StaticText
                Accessible.name: chipText.text
                Label {
                    id: chipText
                    anchors.centerIn: parent
                    text: parent.mark + " " + modelData.label + ": " + parent.word
                          + (modelData.recordedOn ? qsTr(" (%1)").arg(modelData.recordedOn) : "")
                    font.pixelSize: Theme.smallSize
                }
            }
        }
    }
    Button {
        objectName: "changeConsent"
        visible: chips.editable
        text: qsTr("Change consent")
        flat: true
        Accessible.name: qsTr("Change the client's photo consent")
        onClicked: consentDialog.open()
    }

    Dialog {
        id: consentDialog
        objectName: "consentDialog"
        title: qsTr("Photo consent")
        modal: true
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(Theme.formWidth, parent ? parent.width - Theme.unit * 4 : Theme.formWidth)
        standardButtons: Dialog.Close
        property string error

        ColumnLayout {
            width: parent.width
            spacing: Theme.unit * 2
            Label {
                text: qsTr("Record what the client answers now. Each answer is kept with who recorded it and when.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Repeater {
                model: chips.detail ? chips.detail.consents : []
                delegate: ConsentChoice {
                    required property var modelData
                    objectName: "consentDialog_" + modelData.use
                    Layout.fillWidth: true
                    label: modelData.label
                    answer: modelData.answer === "granted" ? 1 : modelData.answer === "withheld" ? 0 : -1
                    offerUnasked: false
                    onChosen: (value) => consentDialog.error = chips.detail.setConsent(modelData.use, value === 1)
                }
            }
            Label {
                visible: consentDialog.error.length > 0
                text: consentDialog.error
                color: Theme.errorColor(chips.Material.theme === Material.Dark)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }
}
