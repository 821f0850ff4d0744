import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Settings

// Settings: auto-lock time, theme, backup and passphrase, accounts (admin), and the norms
// profile in force, readable with its sources.
Page {
    id: page
    objectName: "settingsPage"
    title: qsTr("Settings")
    property string reassessMessage
    property bool reassessFailed: false

    // Brings a section into view (the page tour; a link from elsewhere): "accounts".
    function reveal(section) {
        if (section === "accounts")
            scroll.contentItem.contentY = Math.max(0, accountsSection.y - Theme.unit * 2)
    }

    Connections {
        target: VaultSession
        function onTaskDone(kind, ok, text) {
            if (kind === "reassess") {
                page.reassessFailed = !ok
                page.reassessMessage = text
            }
        }
    }

    NormsSummary { id: norms; vaultSession: VaultSession }

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

            SettingsSecurity { Layout.fillWidth: true }
            SettingsAccounts {
                id: accountsSection
                visible: (VaultSession.may.manage_accounts || false) && VaultSession.vaultKind === "clinic"
                Layout.fillWidth: true
            }

            SectionLabel { text: qsTr("Norms profile in force"); Layout.topMargin: Theme.unit }
            Label {
                text: norms.error.length > 0 ? norms.error : qsTr("%1 (%2)").arg(norms.title).arg(norms.profile)
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label { text: norms.description; wrapMode: Text.Wrap; Layout.fillWidth: true; visible: text.length > 0 }
            Label {
                text: norms.adopted + " " + qsTr("Every flag, session and screening records the profile it was decided by. "
                      + "Adopt another with punctum-cli norms adopt.")
                wrapMode: Text.Wrap
                opacity: 0.8
                Layout.fillWidth: true
            }
            RowLayout {
                visible: VaultSession.may.settle_flags || false
                spacing: Theme.unit * 2
                Layout.fillWidth: true
                Label {
                    text: qsTr("After adopting another profile, re-evaluate every session so the flags follow it.")
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "reassessButton"
                    text: qsTr("Re-evaluate all sessions")
                    Accessible.name: text
                    onClicked: VaultSession.reassessAll()
                }
            }
            Label {
                objectName: "reassessMessage"
                visible: page.reassessMessage.length > 0
                text: page.reassessMessage
                color: page.reassessFailed ? Theme.errorColor(Material.theme === Material.Dark) : palette.windowText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Repeater {
                model: norms.figures
                delegate: ColumnLayout {
                    required property var modelData
                    spacing: 0
                    Layout.fillWidth: true
                    Label {
                        text: qsTr("%1: <b>%2</b>").arg(modelData.what).arg(modelData.value)
                        textFormat: Text.StyledText
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: modelData.source
                        wrapMode: Text.Wrap
                        opacity: 0.7
                        font.pixelSize: Theme.smallSize
                        Layout.leftMargin: Theme.unit * 2
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: modelData.note.length > 0
                        text: modelData.note
                        wrapMode: Text.Wrap
                        opacity: 0.7
                        font.pixelSize: Theme.smallSize
                        font.italic: true
                        Layout.leftMargin: Theme.unit * 2
                        Layout.fillWidth: true
                    }
                }
            }
            Label {
                text: qsTr("Screening: %1 conditions and recent treatments, each with its source.").arg(norms.screeningRules)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            SectionLabel { text: qsTr("Sources"); Layout.topMargin: Theme.unit }
            Label {
                text: qsTr("Evidence grades: A, a study or review; B, device labelling; C, clinic or maker pages.")
                wrapMode: Text.Wrap
                opacity: 0.8
                Layout.fillWidth: true
            }
            Repeater {
                model: norms.sources
                delegate: Label {
                    required property var modelData
                    text: qsTr("%1 (grade %2)").arg(modelData.citation).arg(modelData.grade)
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
            Item { implicitHeight: Theme.unit * 3 }
        }
    }
}
