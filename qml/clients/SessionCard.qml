import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Recovery

// One session on the client's timeline: date, recovery status (icon and word), what was
// done, and the entries logged after it; [Open session].
Frame {
    id: card
    required property var sessionId
    required property string treatedOn
    required property int daysAgo
    required property string device
    required property string areas
    required property string status
    required property string statusWord
    signal open(var sessionId)
    Accessible.name: qsTr("Session on %1").arg(treatedOn)

    EntryListModel {
        id: entries
        vaultSession: VaultSession
        sessionId: card.sessionId
    }

    ColumnLayout {
        width: parent.width
        spacing: Theme.unit

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: card.treatedOn
                font.pixelSize: Theme.headingSize
                font.weight: Font.DemiBold
            }
            Label {
                text: card.daysAgo === 0 ? qsTr("today")
                      : card.daysAgo === 1 ? qsTr("yesterday")
                      : qsTr("%1 days ago").arg(card.daysAgo)
                opacity: 0.75
                Layout.fillWidth: true
            }
            Label {
                // Recovery status: icon and word, coloured only by severity.
                text: Theme.icon(card.status) + " " + card.statusWord
                color: card.status === "ok" ? (card.Material.theme === Material.Dark ? Theme.okOnDark : Theme.ok)
                       : card.status === "urgent" ? (card.Material.theme === Material.Dark ? Theme.urgentOnDark : Theme.urgent)
                       : card.Material.foreground
                font.weight: Font.DemiBold
            }
            Button {
                text: qsTr("Open session")
                Accessible.name: qsTr("Open the session of %1").arg(card.treatedOn)
                onClicked: card.open(card.sessionId)
            }
        }
        Label {
            text: (card.device.length > 0 ? card.device + " \u00b7 " : "") + card.areas
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: entryRows.count === 0 ? qsTr("No recovery logged yet.")
                                        : qsTr("Recovery")
            font.weight: Font.DemiBold
            opacity: entryRows.count === 0 ? 0.75 : 1
            Layout.topMargin: Theme.unit
        }
        Repeater {
            id: entryRows
            model: entries
            delegate: RowLayout {
                required property int day
                required property string observedOn
                required property string summary
                required property string note
                spacing: Theme.unit * 2
                Layout.fillWidth: true
                Label {
                    text: qsTr("Day %1").arg(day)
                    font.weight: Font.DemiBold
                    Layout.preferredWidth: Theme.base * 4
                }
                Label {
                    text: observedOn
                    opacity: 0.75
                    Layout.preferredWidth: Theme.base * 7
                }
                Label {
                    // One line each: a wrapping label in a RowLayout inside a
                    // list delegate overlapped its neighbours after a reload.
                    text: summary + (note.length > 0 ? " \u2014 " + note : "")
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
            }
        }
    }
}
