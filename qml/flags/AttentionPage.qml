import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common
import Punctum.Flags

// Needs attention (the practitioner's home): open and acknowledged flags across clients,
// most urgent first, each as a care card with its moves.
Page {
    id: page
    objectName: "attentionPage"
    signal openSession(var sessionId)
    title: qsTr("Needs attention")

    FlagQueueModel {
        id: queue
        vaultSession: VaultSession
        objectName: "flagQueueModel"
    }
    FlagActions { id: flagMoves; vaultSession: VaultSession }
    DismissDialog {
        id: dismissBox
        objectName: "dismissDialog"
        title: qsTr("Dismiss this flag")
        prompt: qsTr("Why is this not a problem? The reason is kept with the flag.")
        onConfirmed: (id, text) => flagMoves.dismiss(id, text)
    }
    DismissDialog {
        id: resolveBox
        title: qsTr("Resolve this flag")
        prompt: qsTr("The problem has settled. Add a note if it helps the next reader.")
        acceptText: qsTr("Resolve flag")
        required: false
        onConfirmed: (id, text) => flagMoves.resolve(id, text)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.unit * 3
        spacing: Theme.unit * 2

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Needs attention")
            context: queue.totalCount === 0 ? qsTr("No open flags")
                     : queue.totalCount === 1 ? qsTr("1 open flag, most urgent first")
                     : qsTr("%1 open flags, most urgent first").arg(queue.totalCount)
        }

        ListView {
            id: list
            objectName: "flagQueue"
            model: queue
            clip: true
            focus: true
            spacing: Theme.unit * 2
            keyNavigationEnabled: true
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar {}
            Accessible.name: qsTr("Open flags, most urgent first")
            Accessible.role: Accessible.List

            delegate: FlagCard {
                width: ListView.view.width - Theme.unit * 2
                flagActions: flagMoves
                dismissDialog: dismissBox
                resolveDialog: resolveBox
                onOpenSession: (id) => page.openSession(id)
            }

            EmptyState {
                anchors.centerIn: parent
                width: Math.min(parent.width, Theme.formWidth)
                visible: list.count === 0
                title: qsTr("Nothing needs attention")
                text: qsTr("Flags appear here when a recovery entry departs from the usual course. "
                           + "Log follow-ups from a client's session; open Clients to find one.")
            }
        }
    }
}
