import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common
import Punctum.Flags

// One stored flag as a care card, with its moves: Acknowledge, Resolve, Dismiss (each shown
// only when the role may, and only while the flag is open or acknowledged) and Open.
// A delegate for FlagQueueModel and SessionFlagModel, which share their roles.
CareCard {
    id: flagCard
    required property var flagId
    required property string severity
    required property string severityWord
    required property string clientName
    required property string treatedOn
    required property int day
    required property string symptom
    required property string message
    required property string source
    required property string profile
    required property string state
    required property string stateWord
    required property string changedBy
    required property var sessionId
    required property int index
    objectName: "flagCard" + index

    property FlagActions flagActions
    property DismissDialog dismissDialog
    property DismissDialog resolveDialog
    property bool showClient: true
    property bool showOpen: true
    signal openSession(var sessionId)

    readonly property bool live: state === "open" || state === "acknowledged"

    band: severity
    normSource: source
    normProfile: profile
    word: severityWord + (state !== "open" ? " \u00b7 " + stateWord : "")
    title: message
    detail: (showClient ? qsTr("%1 \u00b7 session of %2 \u00b7 day %3").arg(clientName).arg(treatedOn).arg(day)
                        : qsTr("Day %1 \u00b7 %2").arg(day).arg(symptom))
            + (changedBy.length > 0 ? "\n" + changedBy : "")
    footnote: flagActions && flagActions.errorFlagId === flagId ? flagActions.error : ""
    Accessible.name: qsTr("%1 flag for %2, day %3: %4").arg(severityWord).arg(clientName).arg(day).arg(message)

    Button {
        visible: flagCard.live && flagCard.state === "open" && flagCard.flagActions && flagCard.flagActions.canAcknowledge
        objectName: "acknowledgeButton"
        text: qsTr("Acknowledge")
        Accessible.name: qsTr("Acknowledge: I have seen this flag")
        onClicked: flagCard.flagActions.acknowledge(flagCard.flagId)
    }
    Button {
        visible: flagCard.live && flagCard.flagActions && flagCard.flagActions.canSettle && flagCard.resolveDialog
        text: qsTr("Resolve")
        Accessible.name: qsTr("Resolve: the problem has settled")
        onClicked: flagCard.resolveDialog.ask(flagCard.flagId)
    }
    Button {
        visible: flagCard.live && flagCard.flagActions && flagCard.flagActions.canSettle && flagCard.dismissDialog
        text: qsTr("Dismiss")
        Accessible.name: qsTr("Dismiss: not a problem, with a reason")
        onClicked: flagCard.dismissDialog.ask(flagCard.flagId)
    }
    Button {
        visible: flagCard.showOpen
        text: qsTr("Open")
        highlighted: true
        Accessible.name: qsTr("Open the session of %1 on %2").arg(flagCard.clientName).arg(flagCard.treatedOn)
        onClicked: flagCard.openSession(flagCard.sessionId)
    }
}
