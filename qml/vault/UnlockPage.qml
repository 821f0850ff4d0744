import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Punctum.Common
import Punctum.Vault

// Unlock (UI.md "Key pages"): vault name, passphrase, Unlock; a wrong passphrase shakes
// the field once and says so; nothing else changes. Below: open another vault, create one,
// restore a backup.
Page {
    id: page
    objectName: "unlockPage"
    title: qsTr("Unlock")
    /// A line of good news from the page before (a restored backup).
    property string notice
    signal createRequested()
    signal restoreRequested()

    FolderDialog {
        id: folderDialog
        title: qsTr("Choose the vault folder")
        onAccepted: {
            page.notice = ""
            folders.openVaultFolder(selectedFolder)
        }
    }

    ColumnLayout {
        id: form
        width: Math.min(parent.width - Theme.unit * 6, Theme.base * 30)
        anchors.centerIn: parent
        spacing: Theme.unit * 1.5

        Label {
            text: qsTr("Punctum")
            font.pixelSize: Theme.titleSize
            font.weight: Font.DemiBold
            Layout.fillWidth: true
        }
        Label {
            text: VaultSession.vaultKind === "personal"
                  ? qsTr("Your personal recovery log is locked.")
                  : qsTr("The clinic vault is locked.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: VaultSession.vaultPath
            font.pixelSize: Theme.smallSize
            opacity: 0.7
            elide: Text.ElideMiddle
            Layout.fillWidth: true
        }

        Label { text: qsTr("Account"); visible: accountBox.visible }
        ComboBox {
            id: accountBox
            model: VaultSession.accounts
            visible: VaultSession.accounts.length > 1
            Layout.fillWidth: true
            Accessible.name: qsTr("Account")
        }
        Label {
            text: qsTr("Passphrase")
        }
        TextField {
            id: passphrase
            objectName: "passphraseField"
            echoMode: TextInput.Password
            placeholderText: qsTr("Enter your passphrase")
            enabled: !VaultSession.busy
            focus: true
            Layout.fillWidth: true
            Accessible.name: qsTr("Passphrase")
            onAccepted: page.unlock()
            transform: Translate { id: shift }
        }
        Label {
            objectName: "unlockNotice"
            visible: page.notice.length > 0 && VaultSession.error.length === 0
            text: page.notice
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "unlockError"
            visible: VaultSession.error.length > 0
            text: VaultSession.error
            color: Theme.errorColor(Material.theme === Material.Dark)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            text: VaultSession.busy ? qsTr("Unlocking\u2026") : qsTr("Unlock")
            highlighted: true
            enabled: !VaultSession.busy && passphrase.text.length > 0
            Layout.fillWidth: true
            Accessible.name: qsTr("Unlock")
            onClicked: page.unlock()
        }
        BusyIndicator {
            running: VaultSession.busy
            visible: running
            Layout.alignment: Qt.AlignHCenter
        }
        MenuSeparator { Layout.fillWidth: true; Layout.topMargin: Theme.unit }
        ColumnLayout {
            spacing: 0
            Layout.fillWidth: true
            Button {
                objectName: "openAnotherButton"
                text: qsTr("Open another vault…")
                flat: true
                enabled: !VaultSession.busy
                Accessible.name: qsTr("Open another vault: choose its folder")
                onClicked: folderDialog.open()
            }
            Button {
                objectName: "createAnotherButton"
                text: qsTr("Create a vault")
                flat: true
                enabled: !VaultSession.busy
                Accessible.name: text
                onClicked: page.createRequested()
            }
            Button {
                objectName: "restoreButton"
                text: qsTr("Restore a backup")
                flat: true
                enabled: !VaultSession.busy
                Accessible.name: text
                onClicked: page.restoreRequested()
            }
        }
    }

    SequentialAnimation {
        id: shake
        NumberAnimation { target: shift; property: "x"; to: -Theme.unit; duration: 50 }
        NumberAnimation { target: shift; property: "x"; to: Theme.unit; duration: 80 }
        NumberAnimation { target: shift; property: "x"; to: 0; duration: 50 }
    }

    Connections {
        target: VaultSession
        function onUnlockFailed() {
            shake.start()
            passphrase.selectAll()
            passphrase.forceActiveFocus()
        }
    }

    function unlock() {
        if (passphrase.text.length === 0 || VaultSession.busy)
            return
        const account = VaultSession.accounts.length > 1 ? accountBox.currentText
                                                          : (VaultSession.accounts[0] || "")
        VaultSession.unlock(account, passphrase.text)
        passphrase.clear()
    }

    VaultFolders {
        id: folders
        vaultSession: VaultSession
    }
}
