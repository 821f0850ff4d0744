import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common
import Punctum.Clients

// The client list with search; pages in from the vault as it scrolls.
Page {
    id: page
    objectName: "clientsPage"
    signal openClient(var clientId)
    signal newClient()
    title: qsTr("Clients")

    ClientListModel {
        id: clients
        vaultSession: VaultSession
        objectName: "clientListModel"
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.unit * 3
        spacing: Theme.unit * 2

        PageHeader {
            Layout.fillWidth: true
            title: VaultSession.role === "patient" ? qsTr("My treatments") : qsTr("Clients")
            context: clients.totalCount === 1 ? qsTr("1 client")
                                              : qsTr("%1 clients").arg(clients.totalCount)
            Button {
                objectName: "newClientButton"
                visible: VaultSession.may.write_clinical || false
                text: qsTr("New client")
                highlighted: true
                Accessible.name: qsTr("Add a new client (Ctrl+N)")
                onClicked: page.newClient()
                Shortcut {
                    sequence: StandardKey.New
                    enabled: VaultSession.may.write_clinical || false
                    onActivated: page.newClient()
                }
            }
        }

        TextField {
            id: search
            objectName: "clientSearch"
            placeholderText: qsTr("Search by name (Ctrl+F)")
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.formWidth
            Accessible.name: qsTr("Search clients by name")
            onTextChanged: clients.search = text
            Shortcut {
                sequence: StandardKey.Find
                onActivated: search.forceActiveFocus()
            }
        }

        ListView {
            id: list
            objectName: "clientList"
            model: clients
            clip: true
            focus: true
            keyNavigationEnabled: true
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar {}
            Accessible.name: qsTr("Clients")
            Accessible.role: Accessible.List

            delegate: ItemDelegate {
                id: row
                required property var clientId
                required property string name
                required property var fitzpatrick
                required property int sessionCount
                required property string lastTreated
                required property int index
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                Accessible.name: name
                onClicked: page.openClient(clientId)
                Keys.onReturnPressed: page.openClient(clientId)
                background: RowBackground { control: row } // no ripple pixmap per row
                contentItem: RowLayout {
                    spacing: Theme.unit * 2
                    Label {
                        text: row.name
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                        Layout.preferredWidth: 3
                    }
                    Label {
                        text: row.fitzpatrick !== undefined && row.fitzpatrick !== null
                              ? qsTr("Skin type %1").arg(["", "I", "II", "III", "IV", "V", "VI"][row.fitzpatrick])
                              : qsTr("Skin type not assessed")
                        opacity: 0.8
                        Layout.preferredWidth: 2
                        Layout.fillWidth: true
                    }
                    Label {
                        text: row.sessionCount === 0 ? qsTr("No sessions yet")
                              : row.sessionCount === 1 ? qsTr("1 session, %1").arg(row.lastTreated)
                              : qsTr("%1 sessions, last %2").arg(row.sessionCount).arg(row.lastTreated)
                        opacity: 0.8
                        elide: Text.ElideRight
                        Layout.preferredWidth: 3
                        Layout.fillWidth: true
                    }
                }
            }

            EmptyState {
                anchors.centerIn: parent
                width: Math.min(parent.width, Theme.formWidth)
                visible: list.count === 0
                title: search.text.length > 0 ? qsTr("No client matches \u201c%1\u201d").arg(search.text)
                                              : qsTr("No clients yet")
                text: search.text.length > 0
                      ? qsTr("Check the spelling, or search for part of the name.")
                      : (VaultSession.may.write_clinical || false)
                        ? qsTr("Clients you add appear here. Add your first client with New client (Ctrl+N).")
                        : qsTr("Clients appear here once a practitioner adds them.")
            }
        }
    }
}
