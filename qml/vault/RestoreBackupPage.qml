import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Punctum.Common
import Punctum.Vault

// Restore a backup: the .backup file, the folder to restore into, and an account of the
// backup with its passphrase. Storage verifies the whole backup in a staging folder before
// anything is replaced, off the UI thread; a failure changes nothing.
Page {
    id: page
    objectName: "restoreBackupPage"
    title: qsTr("Restore a backup")
    signal cancelled()

    property url backupFile
    property var folder: ({})
    property string message
    property bool failed: false
    readonly property bool replacing: folder.isVault === true
    readonly property bool canRestore: !VaultSession.busy && backupFile.toString().length > 0
                                       && (folder.target || "").length > 0
                                       && account.text.trim().length > 0 && passphrase.text.length > 0
                                       && (!replacing || replaceChoice.checked)

    FileDialog {
        id: fileDialog
        title: qsTr("Choose the backup file")
        nameFilters: [qsTr("Punctum backups (*.backup)"), qsTr("All files (*)")]
        onAccepted: page.backupFile = selectedFile
    }
    FolderDialog {
        id: folderDialog
        title: qsTr("Choose where to restore it")
        onAccepted: page.folder = folders.describeFolder(selectedFolder)
    }
    Connections {
        target: VaultSession
        function onTaskDone(kind, ok, text) {
            if (kind !== "restore")
                return
            page.failed = !ok
            page.message = text
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(scroll.availableWidth - Theme.unit * 6, Theme.formWidth)
            x: (scroll.availableWidth - width) / 2
            spacing: Theme.unit * 1.5

            Item { Layout.preferredHeight: Theme.unit * 3 }
            Label {
                text: qsTr("Restore a backup")
                font.pixelSize: Theme.titleSize
                font.weight: Font.DemiBold
            }
            Label {
                text: qsTr("The backup is checked in full (passphrase, every page, the audit trail) before it "
                           + "replaces anything. If the check fails, nothing on this computer changes.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            Label { text: qsTr("Backup file"); font.weight: Font.DemiBold }
            RowLayout {
                spacing: Theme.unit
                Layout.fillWidth: true
                Label {
                    objectName: "backupFileLabel"
                    text: page.backupFile.toString().length > 0 ? decodeURIComponent(page.backupFile.toString().replace("file://", ""))
                                                                : qsTr("No file chosen yet")
                    elide: Text.ElideMiddle
                    opacity: 0.8
                    Layout.fillWidth: true
                }
                Button {
                    text: qsTr("Choose file\u2026")
                    Accessible.name: qsTr("Choose the backup file")
                    onClicked: fileDialog.open()
                }
            }

            Label { text: qsTr("Restore into"); font.weight: Font.DemiBold }
            RowLayout {
                spacing: Theme.unit
                Layout.fillWidth: true
                Label {
                    objectName: "restoreTarget"
                    text: (page.folder.target || "").length > 0 ? page.folder.target : qsTr("No folder chosen yet")
                    elide: Text.ElideMiddle
                    opacity: 0.8
                    Layout.fillWidth: true
                }
                Button {
                    text: qsTr("Choose folder\u2026")
                    Accessible.name: qsTr("Choose the folder to restore into")
                    onClicked: folderDialog.open()
                }
            }
            CheckBox {
                id: replaceChoice
                visible: page.replacing
                text: qsTr("Replace the vault in this folder with the backup")
                Accessible.name: text
            }
            Label {
                visible: page.replacing
                text: qsTr("Whatever was recorded in that vault after the backup was made will be lost.")
                color: Theme.errorColor(Material.theme === Material.Dark)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            Label { text: qsTr("Account in the backup") }
            TextField {
                id: account
                objectName: "restoreAccount"
                text: "admin"
                Layout.fillWidth: true
                Accessible.name: qsTr("Account in the backup")
            }
            Label { text: qsTr("Its passphrase") }
            TextField {
                id: passphrase
                objectName: "restorePassphrase"
                echoMode: TextInput.Password
                placeholderText: qsTr("The passphrase this account had when the backup was made")
                Layout.fillWidth: true
                Accessible.name: qsTr("Passphrase of that account")
            }
            Label {
                objectName: "restoreMessage"
                visible: page.message.length > 0
                text: page.message
                color: page.failed ? Theme.errorColor(Material.theme === Material.Dark) : palette.windowText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: Theme.unit
                Layout.fillWidth: true
                Button {
                    text: qsTr("Back")
                    flat: true
                    Accessible.name: qsTr("Back to unlock")
                    onClicked: page.cancelled()
                }
                Item { Layout.fillWidth: true }
                Button {
                    objectName: "restoreStart"
                    text: qsTr("Verify and restore")
                    highlighted: true
                    enabled: page.canRestore
                    Accessible.name: text
                    onClicked: {
                        page.message = ""
                        folders.restoreBackup(page.backupFile, page.folder.target, account.text,
                                                   passphrase.text, replaceChoice.checked)
                        passphrase.clear()
                    }
                }
            }
            Item { Layout.preferredHeight: Theme.unit * 3 }
        }
    }

    VaultFolders {
        id: folders
        vaultSession: VaultSession
    }
}
