import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common
import Punctum.Clients

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

    ClientPageController {
        id: detail
        vaultSession: VaultSession
        clientId: page.clientId
    }
    SessionListModel {
        id: sessions
        vaultSession: VaultSession
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

        ConsentChips {
            objectName: "consentChips"
            detail: detail
            visible: detail.found
            editable: VaultSession.may.write_clinical || false
            Layout.fillWidth: true
        }
        Label {
            visible: detail.found && detail.notes.length > 0
            text: qsTr("Notes: %1").arg(detail.notes)
            wrapMode: Text.Wrap
            opacity: 0.8
            Layout.fillWidth: true
        }
        MedicalHistoryCard {
            objectName: "medicalHistory"
            visible: detail.found
            clientId: page.clientId
            editable: VaultSession.may.write_clinical || false
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.formWidth
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

            delegate: SessionCard {
                width: ListView.view.width - Theme.unit
                onOpen: (id) => page.openSession(id)
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
