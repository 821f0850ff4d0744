import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Reviews

// Sessions under review: each session with its check-ins, the flags raised by severity,
// open against closed, and the outcome in words with its icon (never colour alone).
// Selecting one opens the session. A reviewer (or an admin, on sessions they did not treat)
// marks one reviewed or returns it to its practitioner from its row.
ColumnLayout {
    id: view
    objectName: "sessionsReviewView"
    spacing: Theme.unit * 1.5
    signal openSession(var sessionId, var clientId)
    readonly property bool dark: Material.theme === Material.Dark

    SessionReviewModel { id: reviews; vaultSession: VaultSession }
    SignOffActions { id: signOffs; vaultSession: VaultSession }
    SignOffDialog { id: signOffBox; actions: signOffs }

    Flow {
        spacing: Theme.unit
        Layout.fillWidth: true
        CheckBox {
            objectName: "withFlagsOnly"
            text: qsTr("Only sessions with flags")
            checked: reviews.withFlagsOnly
            Accessible.name: text
            onToggled: reviews.withFlagsOnly = checked
        }
        CheckBox {
            objectName: "openFlagsOnly"
            text: qsTr("Only with open flags")
            checked: reviews.openFlagsOnly
            Accessible.name: text
            onToggled: reviews.openFlagsOnly = checked
        }
        TextField {
            placeholderText: qsTr("Treated from 2026-03-01")
            width: Theme.base * 17
            Accessible.name: qsTr("Treated on or after, as year-month-day")
            onEditingFinished: reviews.from = text.trim()
        }
        TextField {
            placeholderText: qsTr("Treated to 2026-03-31")
            width: Theme.base * 17
            Accessible.name: qsTr("Treated on or before, as year-month-day")
            onEditingFinished: reviews.to = text.trim()
        }
    }
    Label {
        visible: reviews.error.length > 0
        text: reviews.error
        color: Theme.errorColor(view.dark)
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        objectName: "reviewCount"
        text: reviews.totalCount === 1 ? qsTr("1 session") : qsTr("%1 sessions").arg(reviews.totalCount)
        opacity: 0.75
    }

    ListView {
        id: list
        objectName: "reviewList"
        model: reviews
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
            required property string device
            required property string entries
            required property string flags
            required property string flagState
            required property string outcomeWords
            required property string severity
            required property string signOff
            required property string signOffWords
            required property bool ownSession
            readonly property color severityColor: severity === "urgent" ? Theme.errorColor(view.dark)
                                                  : severity === "ok" ? (view.dark ? Theme.okOnDark : Theme.ok)
                                                  : palette.windowText
            width: ListView.view.width
            background: RowBackground { control: row } // no ripple pixmap per row
            Accessible.name: qsTr("%1, treated %2: %3. %4. %5. %6").arg(client).arg(treatedOn).arg(outcomeWords).arg(flags).arg(entries).arg(signOffWords)
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
                        text: row.device.length > 0 ? qsTr("%1 \u00b7 %2").arg(row.treatedOn).arg(row.device) : row.treatedOn
                        opacity: 0.75
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
                ColumnLayout {
                    spacing: 0
                    Layout.preferredWidth: Theme.base * 21
                    Layout.minimumWidth: Theme.base * 21
                    Layout.maximumWidth: Theme.base * 21
                    Label { text: row.entries; elide: Text.ElideRight; Layout.fillWidth: true }
                    Label {
                        text: row.flagState.length > 0 ? qsTr("%1 (%2)").arg(row.flags).arg(row.flagState) : row.flags
                        opacity: 0.75
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
                ColumnLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    RowLayout {
                        spacing: Theme.unit / 2
                        Layout.fillWidth: true
                        Label {
                            visible: row.severity !== "none"
                            text: Theme.icon(row.severity)
                            color: row.severityColor
                            font.weight: Font.Bold
                            Accessible.ignored: true
                        }
                        Label {
                            objectName: "outcome_" + row.sessionId
                            text: row.outcomeWords
                            color: row.severityColor
                            font.weight: row.severity === "urgent" || row.severity === "watch" ? Font.DemiBold : Font.Normal
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                    }
                    Label {
                        objectName: "signOff_" + row.sessionId
                        text: row.signOffWords
                        opacity: row.signOff === "" ? 0.75 : 1
                        font.weight: row.signOff === "returned" || row.signOff === "addressed" ? Font.DemiBold : Font.Normal
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
                Button {
                    // Storage refuses anyone signing off a session they treated.
                    visible: signOffs.canSignOff && !row.ownSession
                    objectName: "markReviewed_" + row.sessionId
                    text: qsTr("Sign off")
                    flat: true
                    Accessible.name: qsTr("Sign off the session of %1 on %2 as reviewed").arg(row.client).arg(row.treatedOn)
                    onClicked: signOffBox.ask(row.sessionId, row.client, "reviewed")
                }
                Button {
                    visible: signOffs.canSignOff && !row.ownSession
                    objectName: "returnSession_" + row.sessionId
                    text: qsTr("Return")
                    flat: true
                    Accessible.name: qsTr("Return the session of %1 on %2 to its practitioner").arg(row.client).arg(row.treatedOn)
                    onClicked: signOffBox.ask(row.sessionId, row.client, "returned")
                }
            }
        }
        EmptyState {
            anchors.centerIn: parent
            width: Math.min(parent.width, Theme.formWidth)
            visible: list.count === 0 && reviews.error.length === 0
            title: qsTr("No sessions match")
            text: reviews.withFlagsOnly || reviews.openFlagsOnly
                  ? qsTr("Untick \u201cOnly sessions with flags\u201d or \u201cOnly with open flags\u201d, or widen the dates.")
                  : qsTr("Sessions appear here once practitioners record them.")
        }
    }
}
