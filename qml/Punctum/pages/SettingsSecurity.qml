import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Punctum

// Settings for whoever is signed in: a new passphrase for their own account (strength shown
// as it is typed; a weak one is refused with the reason) and an encrypted backup now. Both
// run as long tasks behind the progress panel.
ColumnLayout {
    id: section
    objectName: "settingsSecurity"
    spacing: Theme.unit * 1.5
    readonly property bool dark: Material.theme === Material.Dark
    property string passphraseMessage
    property bool passphraseFailed: false
    property string backupMessage
    property bool backupFailed: false

    Connections {
        target: VaultSession
        function onTaskDone(kind, ok, text) {
            if (kind === "passphrase") {
                section.passphraseFailed = !ok
                section.passphraseMessage = text
            } else if (kind === "backup") {
                section.backupFailed = !ok
                section.backupMessage = text
            }
        }
    }
    FileDialog {
        id: backupDialog
        title: qsTr("Save the backup as")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("Punctum backups (*.backup)")]
        selectedFile: VaultSession.suggestedBackupFile()
        onAccepted: VaultSession.backUpTo(selectedFile)
    }

    SectionLabel { text: qsTr("Back up"); Layout.topMargin: Theme.unit }
    RowLayout {
        spacing: Theme.unit * 2
        Layout.fillWidth: true
        Label {
            text: qsTr("One encrypted file with everything in the vault. It opens with any account's passphrase or the recovery key; keep it on another disk.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            objectName: "backupButton"
            text: qsTr("Back up now\u2026")
            Accessible.name: qsTr("Back up now: choose where to save the file")
            onClicked: backupDialog.open()
        }
    }
    Label {
        objectName: "backupMessage"
        visible: section.backupMessage.length > 0
        text: section.backupMessage
        color: section.backupFailed ? Theme.errorColor(section.dark) : palette.windowText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    SectionLabel { text: qsTr("Change my passphrase"); Layout.topMargin: Theme.unit }
    GridLayout {
        columns: 2
        columnSpacing: Theme.unit * 2
        rowSpacing: Theme.unit
        Layout.fillWidth: true
        Label { text: qsTr("New passphrase") }
        TextField {
            id: newPass
            objectName: "newPassphrase"
            echoMode: TextInput.Password
            placeholderText: qsTr("At least 12 characters; four unrelated words work well")
            Layout.fillWidth: true
            Accessible.name: qsTr("New passphrase")
        }
        // Hidden along with the meter: a GridLayout skips invisible items, shifting the cells.
        Item { implicitWidth: 1; visible: meter.visible }
        StrengthMeter {
            id: meter
            passphrase: newPass.text
            Layout.fillWidth: true
        }
        Label { text: qsTr("Repeat it") }
        TextField {
            id: repeatPass
            objectName: "repeatPassphrase"
            echoMode: TextInput.Password
            Layout.fillWidth: true
            Accessible.name: qsTr("Repeat the new passphrase")
        }
    }
    Label {
        visible: repeatPass.text.length > 0 && repeatPass.text !== newPass.text
        text: qsTr("The two passphrases differ.")
        color: Theme.errorColor(section.dark)
    }
    Label {
        objectName: "passphraseMessage"
        visible: section.passphraseMessage.length > 0
        text: section.passphraseMessage
        color: section.passphraseFailed ? Theme.errorColor(section.dark) : palette.windowText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Button {
        objectName: "changePassphraseButton"
        text: qsTr("Change passphrase")
        enabled: meter.acceptable && repeatPass.text === newPass.text
        Layout.alignment: Qt.AlignRight
        Accessible.name: text
        onClicked: {
            VaultSession.changePassphrase(newPass.text)
            newPass.clear()
            repeatPass.clear()
        }
    }
}
