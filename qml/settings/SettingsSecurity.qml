import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Punctum.Common
import Punctum.Settings
import Punctum.Vault

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
    property string recoveryKeyMessage

    Connections {
        target: VaultSession
        function onTaskDone(kind, ok, text) {
            if (kind === "passphrase") {
                section.passphraseFailed = !ok
                section.passphraseMessage = text
            } else if (kind === "backup") {
                section.backupFailed = !ok
                section.backupMessage = text
            } else if (kind === "recovery-key" && !ok) {
                section.recoveryKeyMessage = text
            }
        }
    }
    FileDialog {
        id: backupDialog
        title: qsTr("Save the backup as")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("Punctum backups (*.backup)")]
        selectedFile: tasks.suggestedBackupFile()
        onAccepted: tasks.backUpTo(selectedFile)
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

    // Who may reveal the raw key may replace the recovery key (storage enforces it too).
    SectionLabel {
        visible: VaultSession.may.reveal_key === true
        text: qsTr("Recovery key")
        Layout.topMargin: Theme.unit
    }
    RowLayout {
        visible: VaultSession.may.reveal_key === true
        spacing: Theme.unit * 2
        Layout.fillWidth: true
        Label {
            text: qsTr("Lost the recovery key, or someone else may have seen it? Replace it: the old one stops opening this vault. Backups made before keep opening with the old one.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            objectName: "replaceRecoveryKeyButton"
            text: qsTr("Replace\u2026")
            Accessible.name: qsTr("Replace the recovery key")
            onClicked: {
                section.recoveryKeyMessage = ""
                replaceDialog.open()
            }
        }
    }
    Label {
        objectName: "recoveryKeyMessage"
        visible: section.recoveryKeyMessage.length > 0
        text: section.recoveryKeyMessage
        color: Theme.errorColor(section.dark)
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Dialog {
        id: replaceDialog
        objectName: "replaceRecoveryKeyDialog"
        title: qsTr("Replace the recovery key?")
        modal: true
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(Theme.formWidth * 0.8, parent ? parent.width - Theme.unit * 4 : Theme.formWidth)
        Label {
            width: parent.width
            text: qsTr("The current recovery key will stop opening this vault, and a new one is shown once. Have paper ready to write it down.")
            wrapMode: Text.Wrap
        }
        footer: DialogButtonBox {
            Button {
                text: qsTr("Cancel")
                flat: true
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
                Accessible.name: qsTr("Cancel")
            }
            Button {
                text: qsTr("Replace the key")
                highlighted: true
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
                Accessible.name: text
            }
        }
        onAccepted: tasks.replaceRecoveryKey()
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
            tasks.changePassphrase(newPass.text)
            newPass.clear()
            repeatPass.clear()
        }
    }

    VaultTasks {
        id: tasks
        vaultSession: VaultSession
    }
}
