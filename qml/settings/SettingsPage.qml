import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Exchange
import Punctum.Settings

// Settings: auto-lock time, theme, backup and passphrase (SettingsSecurity), accounts (admin,
// SettingsAccounts), the norms profile in force, readable with its sources (SettingsNorms), and
// About: the version and the libraries it runs with, with their licences (SettingsAbout).
Page {
    id: page
    objectName: "settingsPage"
    title: qsTr("Settings")
    // The clinic's inbox (Main.qml makes it): its status and recent imports show here.
    property ExchangeInbox inbox: null

    // Brings a section into view (the page tour; a link from elsewhere): "accounts", "inbox",
    // "about".
    function reveal(section) {
        if (section === "about") // at the foot of the page: once laid out
            Qt.callLater(() => {
                scroll.contentItem.contentY = Math.max(0, Math.min(aboutSection.y - Theme.unit * 2,
                    scroll.contentItem.contentHeight - scroll.contentItem.height))
            })
        else if (section === "accounts")
            scroll.contentItem.contentY = Math.max(0, accountsSection.y - Theme.unit * 2)
        else if (section === "inbox") // also from the inbox's toast, as the page opens: once laid out
            Qt.callLater(() => { scroll.contentItem.contentY = Math.max(0, exchangeSection.y - Theme.unit * 2) })
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            x: Theme.unit * 3
            width: Math.min(scroll.availableWidth - Theme.unit * 6, Theme.formWidth * 1.4)
            spacing: Theme.unit * 2

            PageHeader {
                Layout.fillWidth: true
                Layout.topMargin: Theme.unit * 3
                title: qsTr("Settings")
                context: qsTr("Signed in as %1 (%2)").arg(VaultSession.accountDisplayName).arg(VaultSession.role)
            }

            SectionLabel { text: qsTr("Lock") }
            RowLayout {
                spacing: Theme.unit * 2
                Label { text: qsTr("Lock the vault after") }
                SpinBox {
                    id: minutes
                    objectName: "autoLockMinutes"
                    from: 0
                    to: 240
                    value: VaultSession.autoLockMinutes
                    editable: true
                    enabled: VaultSession.may.change_settings || false
                    Accessible.name: qsTr("Minutes idle before the vault locks; 0 for never")
                    onValueModified: VaultSession.autoLockMinutes = value
                }
                Label { text: minutes.value === 0 ? qsTr("minutes (0: never)") : qsTr("minutes idle") }
            }
            Label {
                visible: !(VaultSession.may.change_settings || false)
                text: qsTr("Only an administrator can change this.")
                opacity: 0.8
            }
            Label {
                visible: VaultSession.error.length > 0
                text: VaultSession.error
                color: Theme.errorColor(Material.theme === Material.Dark)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            SectionLabel { text: qsTr("Appearance"); Layout.topMargin: Theme.unit }
            RowLayout {
                spacing: Theme.unit
                Repeater {
                    model: [{ key: "system", label: qsTr("Follow the system") },
                            { key: "light", label: qsTr("Light") },
                            { key: "dark", label: qsTr("Dark") }]
                    delegate: RadioButton {
                        required property var modelData
                        text: modelData.label
                        checked: Preferences.theme === modelData.key
                        Accessible.name: qsTr("Theme: %1").arg(modelData.label)
                        onToggled: if (checked) Preferences.theme = modelData.key
                    }
                }
            }

            ExchangeFoldersSection {
                id: exchangeSection
                inbox: page.inbox
                Layout.fillWidth: true
            }
            SettingsSecurity { Layout.fillWidth: true }
            SettingsAccounts {
                id: accountsSection
                visible: (VaultSession.may.manage_accounts || false) && VaultSession.vaultKind === "clinic"
                Layout.fillWidth: true
            }

            SettingsNorms { Layout.fillWidth: true }
            SettingsAbout { id: aboutSection; Layout.fillWidth: true }
            Item { implicitHeight: Theme.unit * 3 }
        }
    }
}
