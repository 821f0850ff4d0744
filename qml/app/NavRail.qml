import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common

// The navigation rail: items follow the signed-in account's role (UI.md "Frame").
Pane {
    id: rail
    property string current
    signal navigate(string page)

    padding: Theme.unit * 2
    // A quiet panel tone and a hairline keep the rail apart from the page without a shadow.
    background: Rectangle {
        color: rail.Material.theme === Material.Dark ? "#1f2326" : "#eef1f1"
        Rectangle {
            anchors.right: parent.right
            width: 1
            height: parent.height
            color: rail.Material.dividerColor
        }
    }

    // Open flags and sessions returned to this account, for the badge on "Needs attention".
    property int attentionCount: 0
    readonly property var items: VaultSession.role === "patient"
        ? [{ page: "today", label: qsTr("Today"), key: "Ctrl+1" },
           { page: "recovery", label: qsTr("My recovery"), key: "Ctrl+2" },
           { page: "photos", label: qsTr("Photos"), key: "Ctrl+3" },
           { page: "aftercare", label: qsTr("Aftercare"), key: "Ctrl+4" },
           { page: "careplans", label: qsTr("My clinic"), key: "Ctrl+5" },
           { page: "settings", label: qsTr("Settings"), key: "Ctrl+6" }]
        : [{ page: "attention", label: qsTr("Needs attention"), key: "Ctrl+1" },
           { page: "clients", label: qsTr("Clients"), key: "Ctrl+2" },
           { page: "reviews", label: qsTr("Reviews"), key: "Ctrl+4", needs: "read_audit" },
           { page: "settings", label: qsTr("Settings"), key: "Ctrl+3" }]

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.unit / 2

        Label {
            text: "Punctum"
            font.pixelSize: Theme.headingSize
            font.weight: Font.Bold
            Layout.bottomMargin: Theme.unit * 2
        }
        Repeater {
            model: rail.items
            delegate: ItemDelegate {
                id: navItem
                required property var modelData
                readonly property bool counted: modelData.page === "attention" && rail.attentionCount > 0
                text: modelData.label
                highlighted: rail.current === modelData.page
                // Items a role may not use are hidden (storage refuses them anyway).
                visible: !modelData.needs || (VaultSession.may[modelData.needs] || false)
                Layout.fillWidth: true
                Accessible.name: counted ? qsTr("%1, %2 to look at (%3)").arg(modelData.label).arg(rail.attentionCount).arg(modelData.key)
                                         : qsTr("%1 (%2)").arg(modelData.label).arg(modelData.key)
                onClicked: rail.navigate(modelData.page)
                contentItem: RowLayout {
                    spacing: Theme.unit
                    Label {
                        text: navItem.text
                        font.weight: navItem.highlighted ? Font.DemiBold : Font.Normal
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: navItem.counted
                        text: rail.attentionCount
                        font.weight: Font.DemiBold
                    }
                }
                Shortcut {
                    sequence: navItem.modelData.key
                    enabled: rail.visible && navItem.visible
                    onActivated: rail.navigate(navItem.modelData.page)
                }
            }
        }
        Item { Layout.fillHeight: true }
        Label {
            text: qsTr("Signed in as %1").arg(VaultSession.accountDisplayName)
            wrapMode: Text.Wrap
            opacity: 0.75
            font.pixelSize: Theme.smallSize
            Layout.fillWidth: true
        }
        Button {
            text: qsTr("Lock")
            Layout.fillWidth: true
            Accessible.name: qsTr("Lock the vault (Ctrl+L)")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Lock the vault (Ctrl+L)")
            onClicked: VaultSession.lock()
        }
    }
}
