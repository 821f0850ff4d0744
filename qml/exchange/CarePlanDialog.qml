import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Punctum.Common
import Punctum.Exchange

// "Care plan for the patient": where to save the file, then its pairing code, big, with
// what to do with each. The file and the code must travel apart: whoever has both can open
// the plan, so the code is told, never emailed with the file.
Dialog {
    id: dialog
    objectName: "carePlanDialog"
    required property CarePlanTasks tasks
    property var sessionId: 0
    readonly property bool dark: Material.theme === Material.Dark
    readonly property bool issued: dialog.tasks.pairingCode.length > 0

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Theme.formWidth, parent ? parent.width - Theme.unit * 4 : Theme.formWidth)
    title: dialog.issued ? qsTr("Care plan ready") : qsTr("Care plan for the patient")
    onOpened: dialog.tasks.clear()

    FileDialog {
        id: saveDialog
        title: qsTr("Save the care plan as")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("Punctum care plans (*.punctum-careplan)")]
        onAccepted: dialog.tasks.issue(dialog.sessionId, selectedFile)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.unit * 1.5
        Label {
            visible: !dialog.issued
            text: qsTr("The care plan holds what the patient may see of this session, their aftercare and the usual course of recovery. In their own Punctum they check in at home, see at once if something needs attention, and send their recovery back to you, sealed so only this clinic can read it.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "carePlanMessage"
            visible: text.length > 0
            text: dialog.tasks.message
            color: dialog.tasks.failed ? Theme.errorColor(dialog.dark) : palette.windowText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        SectionLabel { visible: dialog.issued; text: qsTr("Pairing code") }
        PairingCodeBox {
            visible: dialog.issued
            code: dialog.tasks.pairingCode
        }
        Label {
            visible: dialog.issued
            text: qsTr("1. Give the file to the patient: by email, on a USB stick or in a shared folder.") + "\n"
                  + qsTr("2. Tell them this code separately: in person, by phone or by text message. Never in the same email as the file.") + "\n"
                  + qsTr("The patient opens the file in Punctum (My clinic) and types the code. The code is also listed under Care plans on this session.")
            wrapMode: Text.Wrap
            lineHeight: 1.2
            Layout.fillWidth: true
        }
    }
    footer: RowLayout {
        spacing: Theme.unit
        Item { Layout.fillWidth: true }
        Button {
            text: dialog.issued ? qsTr("Done") : qsTr("Cancel")
            flat: !dialog.issued
            highlighted: dialog.issued
            Layout.bottomMargin: Theme.unit
            Layout.rightMargin: dialog.issued ? Theme.unit * 2 : 0
            Accessible.name: text
            onClicked: dialog.close()
        }
        Button {
            objectName: "carePlanChooseFile"
            visible: !dialog.issued
            text: qsTr("Choose where to save\u2026")
            highlighted: true
            Layout.bottomMargin: Theme.unit
            Layout.rightMargin: Theme.unit * 2
            Accessible.name: qsTr("Choose where to save the care plan file, then write it")
            onClicked: {
                saveDialog.selectedFile = dialog.tasks.suggestedFile(dialog.sessionId)
                saveDialog.open()
            }
        }
    }
}
