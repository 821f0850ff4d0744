import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum

// One client: details, then the timeline of sessions, newest first, each with the
// recovery entries logged after it.
Page {
    id: page
    objectName: "clientPage"
    property var clientId: 0
    signal back()
    signal openSession(var sessionId)
    signal newSession()
    title: detail.name

    ClientDetail {
        id: detail
        clientId: page.clientId
    }
    SessionListModel {
        id: sessions
        objectName: "sessionListModel"
        clientId: page.clientId
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.unit * 3
        spacing: Theme.unit * 2

        PageHeader {
            Layout.fillWidth: true
            title: detail.found ? detail.name : qsTr("Client not found")
            context: {
                if (!detail.found)
                    return detail.error
                const parts = []
                if (detail.age >= 0)
                    parts.push(qsTr("%1 years").arg(detail.age))
                parts.push(detail.fitzpatrick > 0
                           ? qsTr("Fitzpatrick skin type %1").arg(["", "I", "II", "III", "IV", "V", "VI"][detail.fitzpatrick])
                           : qsTr("Skin type not assessed"))
                parts.push(timeline.count === 1 ? qsTr("1 session") : qsTr("%1 sessions").arg(timeline.count))
                return parts.join(" \u00b7 ")
            }
            Button {
                text: qsTr("All clients")
                flat: true
                Accessible.name: qsTr("Back to all clients")
                onClicked: page.back()
            }
            Button {
                visible: detail.found && (VaultSession.may.write_clinical || false)
                text: qsTr("New session")
                highlighted: true
                Accessible.name: qsTr("New session for %1 (Ctrl+N)").arg(detail.name)
                onClicked: page.newSession()
                Shortcut {
                    sequence: StandardKey.New
                    enabled: detail.found && (VaultSession.may.write_clinical || false)
                    onActivated: page.newSession()
                }
            }
        }

        ListView {
            id: timeline
            objectName: "sessionTimeline"
            model: sessions
            clip: true
            spacing: Theme.unit * 2
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar {}
            Accessible.name: qsTr("Treatment sessions")
            Accessible.role: Accessible.List

            delegate: Frame {
                id: card
                required property var sessionId
                required property string treatedOn
                required property int daysAgo
                required property string device
                required property string areas
                required property string status
                required property string statusWord
                width: ListView.view.width - Theme.unit
                Accessible.name: qsTr("Session on %1").arg(treatedOn)

                EntryListModel {
                    id: entries
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
                                   : card.status === "urgent" ? Theme.urgent : card.Material.foreground
                            font.weight: Font.DemiBold
                        }
                        Button {
                            text: qsTr("Open session")
                            Accessible.name: qsTr("Open the session of %1").arg(card.treatedOn)
                            onClicked: page.openSession(card.sessionId)
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

            EmptyState {
                anchors.centerIn: parent
                width: Math.min(parent.width, Theme.formWidth)
                visible: timeline.count === 0 && detail.found
                title: qsTr("No sessions yet")
                text: qsTr("Treatment sessions recorded for %1 appear here, newest first.").arg(detail.name)
            }
        }
    }
}
