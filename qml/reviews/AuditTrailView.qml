import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Clients
import Punctum.Reviews

// The audit trail (UI.md "Key pages"): the chain's verification as a banner, filters by
// account, client, action and dates, and a table of time, account, action and record.
ColumnLayout {
    id: view
    objectName: "auditTrailView"
    spacing: Theme.unit * 1.5
    readonly property bool dark: Material.theme === Material.Dark
    readonly property real timeWidth: Theme.base * 11
    readonly property real accountWidth: Theme.base * 11
    readonly property real actionWidth: Theme.base * 20
    readonly property real objectWidth: Theme.base * 8

    AuditTrailModel { id: events; vaultSession: VaultSession }
    AuditChainCheck { id: chain; vaultSession: VaultSession }
    ClientListModel { id: clients; vaultSession: VaultSession }
    Component.onCompleted: Qt.callLater(chain.verify)

    ChainBanner {
        chainState: chain.state
        message: chain.message
        Layout.fillWidth: true
        onVerifyRequested: chain.verify()
    }

    Flow {
        spacing: Theme.unit
        Layout.fillWidth: true
        ComboBox {
            objectName: "auditAccountFilter"
            model: [qsTr("All accounts")].concat(VaultSession.accounts)
            width: Theme.base * 14
            Accessible.name: qsTr("Filter by account")
            onActivated: (i) => events.account = i === 0 ? "" : VaultSession.accounts[i - 1]
        }
        ComboBox {
            objectName: "auditActionFilter"
            textRole: "label"
            valueRole: "key"
            model: [{ key: "", label: qsTr("All actions") }].concat(events.actions)
            width: Theme.base * 17
            Accessible.name: qsTr("Filter by action")
            onActivated: events.action = currentValue
        }
        ComboBox {
            id: clientBox
            objectName: "auditClientFilter"
            model: clients
            textRole: "name"
            valueRole: "clientId"
            currentIndex: -1
            displayText: currentIndex < 0 ? qsTr("All clients") : currentText
            width: Theme.base * 14
            Accessible.name: qsTr("Filter by client")
            onActivated: events.clientId = currentValue
        }
        Button {
            visible: clientBox.currentIndex >= 0
            text: qsTr("All clients")
            flat: true
            Accessible.name: qsTr("Show every client again")
            onClicked: {
                clientBox.currentIndex = -1
                events.clientId = 0
            }
        }
        TextField {
            objectName: "auditFrom"
            placeholderText: qsTr("From 2026-03-01")
            width: Theme.base * 12
            Accessible.name: qsTr("First day, as year-month-day")
            onEditingFinished: events.from = text.trim()
        }
        TextField {
            objectName: "auditTo"
            placeholderText: qsTr("To 2026-03-31")
            width: Theme.base * 12
            Accessible.name: qsTr("Last day, as year-month-day")
            onEditingFinished: events.to = text.trim()
        }
    }
    Label {
        visible: events.error.length > 0
        text: events.error
        color: Theme.errorColor(view.dark)
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        objectName: "auditCount"
        text: events.totalCount === 1 ? qsTr("1 event") : qsTr("%1 events").arg(events.totalCount)
        opacity: 0.75
    }

    RowLayout {
        spacing: Theme.unit * 2
        Layout.fillWidth: true
        Label { text: qsTr("Time"); font.weight: Font.DemiBold; Layout.preferredWidth: view.timeWidth }
        Label { text: qsTr("Account"); font.weight: Font.DemiBold; Layout.preferredWidth: view.accountWidth }
        Label { text: qsTr("Action"); font.weight: Font.DemiBold; Layout.preferredWidth: view.actionWidth }
        Label { text: qsTr("Record"); font.weight: Font.DemiBold; Layout.preferredWidth: view.objectWidth }
        Label { text: qsTr("Client"); font.weight: Font.DemiBold; Layout.fillWidth: true }
    }
    ListView {
        id: list
        objectName: "auditList"
        model: events
        clip: true
        activeFocusOnTab: true
        Layout.fillWidth: true
        Layout.fillHeight: true
        ScrollBar.vertical: ScrollBar {}
        delegate: ItemDelegate {
            id: row
            required property string time
            required property string account
            required property string actionWords
            required property string object
            required property string client
            width: ListView.view.width
            topPadding: Theme.unit / 2
            bottomPadding: Theme.unit / 2
            leftPadding: 0
            rightPadding: 0
            background: RowBackground { control: row } // no ripple pixmap per row
            Accessible.name: qsTr("%1, %2: %3 %4 %5").arg(time).arg(account).arg(actionWords).arg(object).arg(client)
            contentItem: RowLayout {
                spacing: Theme.unit * 2
                Label { text: time; elide: Text.ElideRight; Layout.preferredWidth: view.timeWidth }
                Label { text: account; elide: Text.ElideRight; Layout.preferredWidth: view.accountWidth }
                Label { text: actionWords; elide: Text.ElideRight; Layout.preferredWidth: view.actionWidth }
                Label { text: object; elide: Text.ElideRight; opacity: 0.75; Layout.preferredWidth: view.objectWidth }
                Label { text: client; elide: Text.ElideRight; Layout.fillWidth: true }
            }
        }
        EmptyState {
            anchors.centerIn: parent
            width: Math.min(parent.width, Theme.formWidth)
            visible: list.count === 0 && events.error.length === 0
            title: qsTr("No events match")
            text: qsTr("Choose \u201cAll accounts\u201d, \u201cAll actions\u201d or \u201cAll clients\u201d, or widen the dates, to see more.")
        }
    }
}
