import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common
import Punctum.Reviews

// Reviews (reviewer and admin): the audit trail, the sessions under review (with sign-off),
// the records missing something, and cohort statistics: how recoveries went across the clinic.
Page {
    id: page
    objectName: "reviewsPage"
    title: qsTr("Reviews")
    /// "audit" | "sessions" | "incomplete" | "cohort"
    property string tab: "audit"
    signal openSession(var sessionId, var clientId)

    function tabIndex(name) {
        return name === "sessions" ? 1 : name === "incomplete" ? 2 : name === "cohort" ? 3 : 0
    }
    onTabChanged: tabs.currentIndex = tabIndex(tab)

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.unit * 3
        spacing: Theme.unit * 2

        PageHeader {
            title: qsTr("Reviews")
            context: qsTr("What happened in this vault, and how each recovery went")
            Layout.fillWidth: true
            Button {
                objectName: "exportButton"
                text: qsTr("Export…")
                Accessible.name: qsTr("Export records as CSV or a FHIR bundle")
                onClicked: exportDialog.open()
            }
        }
        TabBar {
            id: tabs
            Layout.fillWidth: true
            // Four tabs: at the form's width their names were cut short.
            Layout.maximumWidth: Theme.formWidth * 1.5
            // Follows `tab` whenever the page is asked for another one; a click moves it too.
            currentIndex: page.tabIndex(page.tab)
            TabButton { objectName: "auditTab"; text: qsTr("Audit trail"); Accessible.name: text }
            TabButton { objectName: "sessionsTab"; text: qsTr("Sessions under review"); Accessible.name: text }
            TabButton { objectName: "incompleteTab"; text: qsTr("Incomplete records"); Accessible.name: text }
            TabButton { objectName: "cohortTab"; text: qsTr("Cohort statistics"); Accessible.name: text }
        }
        Loader {
            Layout.fillWidth: true
            Layout.fillHeight: true
            sourceComponent: [auditView, sessionsView, incompleteView, cohortView][tabs.currentIndex] || auditView
        }
    }

    ExportTasks { id: exportTasks; vaultSession: VaultSession }
    ExportDialog { id: exportDialog; tasks: exportTasks }

    Component {
        id: auditView
        AuditTrailView {}
    }
    Component {
        id: sessionsView
        SessionsReviewView { onOpenSession: (sessionId, clientId) => page.openSession(sessionId, clientId) }
    }
    Component {
        id: incompleteView
        IncompleteRecordsView { onOpenSession: (sessionId, clientId) => page.openSession(sessionId, clientId) }
    }
    Component {
        id: cohortView
        CohortView {}
    }
}
