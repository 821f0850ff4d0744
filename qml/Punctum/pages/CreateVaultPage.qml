import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum

// First run: make a clinic or personal vault, optionally filled with a demo clinic so a
// newcomer sees the app working.
Page {
    id: page
    objectName: "createVaultPage"
    signal cancelled()
    title: qsTr("Create a vault")

    readonly property bool clinic: clinicChoice.checked
    readonly property bool passphrasesMatch: pass1.text === pass2.text
    readonly property bool canCreate: !VaultSession.busy && nameField.text.trim().length > 0
                                      && pass1.text.length >= 8 && passphrasesMatch

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(parent.width - Theme.unit * 6, Theme.formWidth)
            x: (parent.width - width) / 2
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
            Label {
                text: VaultSession.vaultPath
                font.pixelSize: Theme.smallSize
                opacity: 0.7
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }

            Label { text: qsTr("Who is it for?"); font.weight: Font.DemiBold }
            RadioButton {
                id: clinicChoice
                checked: true
                text: qsTr("A clinic: practitioners, reviewers and an administrator")
                Accessible.name: text
            }
            RadioButton {
                text: qsTr("Me: my own recovery after a treatment")
                Accessible.name: text
            }

            Label { text: page.clinic ? qsTr("Your name (administrator)") : qsTr("Your name") }
            TextField {
                id: nameField
                placeholderText: qsTr("For example: Dr Sam Okafor")
                Layout.fillWidth: true
                Accessible.name: qsTr("Your name")
            }
            Label { text: qsTr("Passphrase") }
            TextField {
                id: pass1
                echoMode: TextInput.Password
                placeholderText: qsTr("At least 8 characters; a few unrelated words work well")
                Layout.fillWidth: true
                Accessible.name: qsTr("Passphrase")
            }
            Label { text: qsTr("Repeat the passphrase") }
            TextField {
                id: pass2
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
                BusyIndicator { running: VaultSession.busy; visible: running }
                Button {
                    text: VaultSession.busy ? qsTr("Creating\u2026") : qsTr("Create vault")
                    highlighted: true
                    enabled: page.canCreate
                    Accessible.name: qsTr("Create vault")
                    onClicked: {
                        const account = page.clinic ? "admin" : "patient"
                        VaultSession.createVault(page.clinic ? "clinic" : "personal", account,
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
}
