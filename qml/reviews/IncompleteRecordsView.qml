import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Reviews

// Incomplete records: sessions missing a screening, a photo consent answer, lot numbers, a
// follow-up in the first week or an indication, newest first, what each misses in words.
// Selecting one opens the session, where its practitioner can complete it; a reviewer returns
// it from "Sessions under review".
ColumnLayout {
    id: view
    objectName: "incompleteRecordsView"
    spacing: Theme.unit * 1.5
    signal openSession(var sessionId, var clientId)
    readonly property bool dark: Material.theme === Material.Dark

    IncompleteRecordsModel { id: records; vaultSession: VaultSession }

    Label {
        visible: records.error.length > 0
        text: records.error
        color: Theme.errorColor(view.dark)
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        objectName: "incompleteCount"
        visible: records.count > 0
        text: records.capped ? qsTr("The newest %1 sessions that miss something. Run \u201cpunctum-cli review incomplete\u201d for every one.").arg(records.count)
              : records.count === 1 ? qsTr("1 session misses something")
              : qsTr("%1 sessions miss something").arg(records.count)
        opacity: 0.75
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    ListView {
        id: list
        objectName: "incompleteList"
        model: records
        clip: true
        spacing: Theme.unit / 2
        activeFocusOnTab: true
        Layout.fillWidth: true
        Layout.fillHeight: true
        ScrollBar.vertical: ScrollBar {}
        delegate: ItemDelegate {
            id: row
            required property var sessionId
            required property var clientId
            required property string client
            required property string treatedOn
            required property string practitioner
            required property string missing
            width: ListView.view.width
            background: RowBackground { control: row }
            Accessible.name: qsTr("%1, treated %2 by %3: %4").arg(client).arg(treatedOn).arg(practitioner).arg(missing)
            onClicked: view.openSession(sessionId, clientId)
            contentItem: RowLayout {
                spacing: Theme.unit * 2
                ColumnLayout {
                    spacing: 0
                    Layout.preferredWidth: Theme.base * 18
                    Layout.minimumWidth: Theme.base * 18
                    Layout.maximumWidth: Theme.base * 18
                    Label { text: row.client; font.weight: Font.DemiBold; elide: Text.ElideRight; Layout.fillWidth: true }
                    Label {
                        text: qsTr("%1 \u00b7 %2").arg(row.treatedOn).arg(row.practitioner)
                        opacity: 0.75
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
                Label {
                    objectName: "missing_" + row.sessionId
                    text: row.missing
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }
        EmptyState {
            anchors.centerIn: parent
            width: Math.min(parent.width, Theme.formWidth)
            visible: list.count === 0 && records.error.length === 0
            title: qsTr("Every record is complete")
            text: qsTr("Sessions without a screening, a photo consent answer, lot numbers, a follow-up in the first week or an indication appear here. Open \u201cSessions under review\u201d to sign sessions off.")
        }
    }
}
