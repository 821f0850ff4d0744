import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum

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

    readonly property var items: VaultSession.role === "patient"
        ? [{ page: "clients", label: qsTr("My treatments") }]
        : [{ page: "clients", label: qsTr("Clients") }]

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
                required property var modelData
                text: modelData.label
                highlighted: rail.current === modelData.page
                Layout.fillWidth: true
                Accessible.name: modelData.label
                onClicked: rail.navigate(modelData.page)
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
