import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Punctum.Common
import Punctum.Exchange

// "Send my recovery to the clinic": the check-ins and photos logged since the last report,
// sealed so only the clinic can read them, into the outbox folder when one is chosen, or to
// a file the patient then emails or carries.
ColumnLayout {
    id: box
    objectName: "sendReportBox"
    required property CarePlansPageController controller
    readonly property bool dark: Material.theme === Material.Dark
    readonly property bool hasOutbox: box.controller.outboxFolder.length > 0
    spacing: Theme.unit

    FileDialog {
        id: saveDialog
        title: qsTr("Save your recovery report as")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("Punctum recovery reports (*.punctum-report)")]
        onAccepted: box.controller.sendReport(selectedFile)
    }

    Label {
        text: box.hasOutbox
              ? qsTr("Your report goes into your outbox folder, %1, and your sync app takes it to the clinic.").arg(box.controller.outboxFolder)
              : qsTr("Save the report as a file and give it to your clinic by email or on a USB stick. To send reports through a shared folder instead, choose an outbox folder in Settings.")
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        text: qsTr("Photos go only if you have allowed photos in your clinic record.")
        opacity: 0.8
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    RowLayout {
        spacing: Theme.unit
        Button {
            objectName: "sendToOutbox"
            visible: box.hasOutbox
            text: qsTr("Send my recovery to the clinic")
            highlighted: true
            Accessible.name: qsTr("Send my recovery to the clinic through the outbox folder")
            onClicked: box.controller.sendReport("")
        }
        Button {
            objectName: "saveReportFile"
            text: box.hasOutbox ? qsTr("Save as a file instead\u2026") : qsTr("Send my recovery to the clinic\u2026")
            highlighted: !box.hasOutbox
            flat: box.hasOutbox
            Accessible.name: qsTr("Save my recovery report as a file for the clinic")
            onClicked: {
                saveDialog.selectedFile = box.controller.suggestedReportFile()
                saveDialog.open()
            }
        }
    }
    Label {
        objectName: "sendReportMessage"
        visible: text.length > 0
        text: box.controller.sendMessage
        color: box.controller.sendFailed ? Theme.errorColor(box.dark) : palette.windowText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
