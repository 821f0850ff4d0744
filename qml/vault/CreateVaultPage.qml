import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Punctum.Common
import Punctum.Vault

// First run, or "Create a vault" from the unlock page: a clinic vault (staff accounts) or a
// personal vault (one patient's own recovery log), where it goes, and a passphrase strong
// enough to protect it. A clinic vault may be filled with a demo clinic to look around.
Page {
    id: page
    objectName: "createVaultPage"
    signal cancelled()
    title: qsTr("Create a vault")

    readonly property bool clinic: clinicChoice.checked
    readonly property bool passphrasesMatch: pass1.text === pass2.text
    /// Where the vault will be made: the current vault path until another folder is chosen.
    property string targetPath: VaultSession.vaultExists ? "" : VaultSession.vaultPath
    property string locationError
    readonly property bool canCreate: !VaultSession.busy && nameField.text.trim().length > 0
                                      && targetPath.length > 0 && meter.acceptable
                                      && pass2.text.length > 0 && passphrasesMatch

    FolderDialog {
        id: folderDialog
        title: qsTr("Choose where to keep the vault")
        onAccepted: page.chooseFolder(selectedFolder)
    }

    function chooseFolder(url) {
        const info = folders.describeFolder(url)
        if (info.isVault) {
            page.locationError = qsTr("That folder already holds a vault. Open it from the unlock page, or choose another folder.")
            return
        }
        page.locationError = ""
        page.targetPath = info.target
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
                text: qsTr("Create a vault")
                font.pixelSize: Theme.titleSize
                font.weight: Font.DemiBold
            }
            Label {
                text: qsTr("Everything you record is kept in this vault, encrypted on this computer. "
                           + "Nobody can read it without a passphrase or the recovery key.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            Label { text: qsTr("Who is it for?"); font.weight: Font.DemiBold }
            RadioButton {
                id: clinicChoice
                objectName: "clinicChoice"
                checked: true
                text: qsTr("A clinic: practitioners, reviewers and an administrator")
                Accessible.name: text
            }
            RadioButton {
                id: personalChoice
                objectName: "personalChoice"
                text: qsTr("Me: my own recovery after a treatment (a personal vault)")
                Accessible.name: text
            }
            Label {
                visible: !page.clinic
                text: qsTr("Your own record is made with your name. You log how your skin recovers; "
                           + "nobody else can open this vault.")
                wrapMode: Text.Wrap
                opacity: 0.8
                Layout.fillWidth: true
            }

            Label { text: page.clinic ? qsTr("Your name (administrator)") : qsTr("Your name") }
            TextField {
                id: nameField
                objectName: "nameField"
                placeholderText: page.clinic ? qsTr("For example: Dr Sam Okafor") : qsTr("For example: Alex Morgan")
                Layout.fillWidth: true
                Accessible.name: qsTr("Your name")
            }

            Label { text: qsTr("Where to keep it") }
            RowLayout {
                spacing: Theme.unit
                Layout.fillWidth: true
                Label {
                    objectName: "targetPath"
                    text: page.targetPath.length > 0 ? page.targetPath : qsTr("Choose a folder")
                    elide: Text.ElideMiddle
                    opacity: 0.8
                    Layout.fillWidth: true
                }
                Button {
                    text: qsTr("Choose folder\u2026")
                    flat: true
                    Accessible.name: qsTr("Choose where to keep the vault")
                    onClicked: folderDialog.open()
                }
            }
            Label {
                visible: page.locationError.length > 0
                text: page.locationError
                color: Theme.errorColor(Material.theme === Material.Dark)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            Label { text: qsTr("Passphrase") }
            TextField {
                id: pass1
                objectName: "passphraseField1"
                echoMode: TextInput.Password
                placeholderText: qsTr("At least 12 characters; four unrelated words work well")
                Layout.fillWidth: true
                Accessible.name: qsTr("Passphrase")
                Accessible.description: meter.visible ? meter.result.advice : ""
            }
            StrengthMeter {
                id: meter
                passphrase: pass1.text
                Layout.fillWidth: true
            }
            Label { text: qsTr("Repeat the passphrase") }
            TextField {
                id: pass2
                objectName: "passphraseField2"
                echoMode: TextInput.Password
                Layout.fillWidth: true
                Accessible.name: qsTr("Repeat the passphrase")
            }
            Label {
                visible: pass2.text.length > 0 && !page.passphrasesMatch
                text: qsTr("The two passphrases differ.")
                color: Theme.errorColor(Material.theme === Material.Dark)
            }
            CheckBox {
                id: demoChoice
                visible: page.clinic
                text: qsTr("Fill it with a demo clinic (24 made-up clients) to look around")
                Accessible.name: text
            }
            Label {
                objectName: "createError"
                visible: VaultSession.error.length > 0
                text: VaultSession.error
                color: Theme.errorColor(Material.theme === Material.Dark)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: Theme.unit
                Layout.fillWidth: true
                Button {
                    text: qsTr("Back")
                    flat: true
                    visible: VaultSession.vaultExists
                    Accessible.name: qsTr("Back to unlock")
                    onClicked: page.cancelled()
                }
                Item { Layout.fillWidth: true }
                Button {
                    objectName: "createButton"
                    text: qsTr("Create vault")
                    highlighted: true
                    enabled: page.canCreate
                    Accessible.name: qsTr("Create vault")
                    onClicked: {
                        if (page.targetPath !== VaultSession.vaultPath)
                            VaultSession.vaultPath = page.targetPath
                        folders.createVault(page.clinic ? "clinic" : "personal",
                                                 page.clinic ? "admin" : "patient",
                                                 nameField.text, pass1.text,
                                                 page.clinic && demoChoice.checked ? 24 : 0)
                        pass1.clear()
                        pass2.clear()
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
