import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common
import Punctum.Flags

// Needs attention (the practitioner's home): sessions a reviewer returned to this
// practitioner with a finding, then open and acknowledged flags across clients, most urgent
// first, each as a care card with its moves.
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
    ReturnedSessionsModel { id: returned; vaultSession: VaultSession; objectName: "returnedSessionsModel" }
    DismissDialog {
        id: addressBox
        objectName: "addressDialog"
        title: qsTr("Mark the finding addressed")
        prompt: qsTr("Say what you did, if it helps the reviewer. The session goes back to them.")
        acceptText: qsTr("Mark addressed")
        required: false
        onConfirmed: (id, text) => returned.markAddressed(id, text)
    }
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
            context: (returned.count === 0 ? ""
                      : returned.count === 1 ? qsTr("1 session returned by a reviewer · ")
                      : qsTr("%1 sessions returned by a reviewer · ").arg(returned.count))
                     + (queue.totalCount === 0 ? qsTr("No open flags")
                        : queue.totalCount === 1 ? qsTr("1 open flag, most urgent first")
                        : qsTr("%1 open flags, most urgent first").arg(queue.totalCount))
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

            // Returned sessions come first: a reviewer is waiting on each.
            header: ColumnLayout {
                width: ListView.view.width - Theme.unit * 2
                spacing: Theme.unit * 2
                visible: returned.count > 0
                height: visible ? implicitHeight : 0
                SectionLabel { text: qsTr("Returned by a reviewer") }
                Repeater {
                    model: returned
                    delegate: CareCard {
                        id: returnedCard
                        required property var sessionId
                        required property string client
                        required property string treatedOn
                        required property string finding
                        required property string returnedBy
                        required property string returnedOn
                        required property int index
                        objectName: "returnedCard" + index
                        Layout.fillWidth: true
                        band: "info"
                        word: qsTr("Returned")
                        title: finding
                        detail: qsTr("%1 \u00b7 session of %2 \u00b7 returned by %3 on %4").arg(client).arg(treatedOn).arg(returnedBy).arg(returnedOn)
                        footnote: returned.errorSessionId === sessionId ? returned.error : ""
                        Accessible.name: qsTr("Returned by %1: %2. Session of %3 on %4").arg(returnedBy).arg(finding).arg(client).arg(treatedOn)
                        Button {
                            objectName: "markAddressedButton"
                            text: qsTr("Mark addressed")
                            Accessible.name: qsTr("Mark the finding on the session of %1 addressed").arg(returnedCard.client)
                            onClicked: addressBox.ask(returnedCard.sessionId)
                        }
                        Button {
                            text: qsTr("Open")
                            highlighted: true
                            Accessible.name: qsTr("Open the session of %1 on %2").arg(returnedCard.client).arg(returnedCard.treatedOn)
                            onClicked: page.openSession(returnedCard.sessionId)
                        }
                    }
                }
                SectionLabel { visible: list.count > 0; text: qsTr("Open flags") }
                Item { implicitHeight: 1 } // the list's spacing falls after the heading
            }

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
                visible: list.count === 0 && returned.count === 0
                title: qsTr("Nothing needs attention")
                text: qsTr("Flags appear here when a recovery entry departs from the usual course, "
                           + "and sessions a reviewer returns to you with a finding. "
                           + "Log follow-ups from a client's session; open Clients to find one.")
            }
        }
    }
}
