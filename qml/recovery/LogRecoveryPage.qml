import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Recovery

// Log recovery: a clinician's follow-up or a patient's check-in, on one screen. Each scale
// is a row of labelled choices, yes/no signs are switches; after saving, the result is a
// care card from the flags the entry raised.
Page {
    id: page
    objectName: "logRecoveryPage"
    property var sessionId: 0
    property bool patient: VaultSession.role === "patient"
    property bool showBack: true
    signal back()
    title: qsTr("Log recovery")

    LogRecoveryPageController { id: log; vaultSession: VaultSession; objectName: "recoveryLog"; sessionId: page.sessionId }

    // Brings the photos section into view (after a drop, and for the page tour).
    function scrollToPhotos() {
        const flick = scroll.contentItem
        flick.contentY = Math.max(0, Math.min(flick.contentHeight - flick.height, pendingSection.y - Theme.unit * 2))
    }

    // Back to the top: the day chosen and the first scales (after a save, and for the tour).
    function scrollToTop() {
        scroll.contentItem.contentY = 0
    }

    function save() {
        log.save(scores.values(), note.text, page.patient ? "patient" : "clinician", outcome.values())
    }
    // The entry is written off the UI thread; its result is read out once it is in.
    Connections {
        target: log
        function onSaveFinished(ok) { if (ok) result.forceActiveFocus() }
    }

    function clear() {
        log.reset()
        note.text = ""
        outcome.reset()
        scores.reset()
    }

    // Files dropped anywhere on the page are offered as photos for this entry.
    DropArea {
        anchors.fill: parent
        enabled: !log.saved && log.day >= 0
        onEntered: (drag) => drag.accept(Qt.CopyAction)
        onDropped: (drop) => {
            if (drop.hasUrls) {
                log.addPhotoFiles(drop.urls)
                drop.accept(Qt.CopyAction)
            }
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            x: Theme.unit * 3
            width: Math.min(scroll.availableWidth - Theme.unit * 6, Theme.formWidth * 1.3)
            spacing: Theme.unit * 2

            PageHeader {
                Layout.fillWidth: true
                Layout.topMargin: Theme.unit * 3
                title: page.patient ? qsTr("How is your skin today?") : qsTr("Log recovery")
                context: log.day < 0 ? qsTr("No session to log against")
                         : qsTr("Day %1 after the treatment of %2").arg(log.day).arg(log.treatedOn)
                Button {
                    visible: page.showBack
                    text: qsTr("Session")
                    flat: true
                    Accessible.name: qsTr("Back to the session")
                    onClicked: page.back()
                }
            }

            ObservedDayPicker {
                log: log
                visible: !log.saved && log.day >= 0
                Layout.fillWidth: true
            }
            CheckInResult {
                id: result
                log: log
                showBack: page.showBack
                Layout.fillWidth: true
                onLogAnother: page.clear()
                onBack: page.back()
            }
            EmptyState {
                visible: log.day < 0
                title: qsTr("No treatment to log against yet")
                text: page.patient
                      ? qsTr("Open the care plan your clinic gave you in My clinic (Ctrl+5); then check in here each day.")
                      : qsTr("Open a client's session and choose Log recovery.")
                Layout.fillWidth: true
                Layout.topMargin: Theme.unit * 4
            }
            // Today's status for a patient: the most urgent open flag, in their words.
            CareCard {
                objectName: "todayStatus"
                visible: page.patient && !log.saved && log.day >= 0
                readonly property var topFlag: log.openFlags.length > 0 ? log.openFlags[0] : null
                band: topFlag ? topFlag.severity : "ok"
                word: topFlag ? topFlag.severityWord : qsTr("This is within the usual course")
                title: topFlag ? topFlag.message : qsTr("Nothing in your check-ins so far departs from the usual course.")
                detail: log.openFlags.length > 1 ? qsTr("%1 more things to keep an eye on; see My recovery.").arg(log.openFlags.length - 1) : ""
                normSource: topFlag ? topFlag.source : ""
                normProfile: topFlag ? topFlag.profile : ""
                Layout.fillWidth: true
            }
            SymptomScores {
                id: scores
                objectName: "symptomScores"
                visible: !log.saved && log.day >= 0
                log: log
                patient: page.patient
                Layout.fillWidth: true
            }
            OutcomeRatings {
                id: outcome
                objectName: "outcomeRatings"
                visible: !log.saved && log.day >= 0
                log: log
                patient: page.patient
                Layout.fillWidth: true
            }
            PendingPhotos {
                id: pendingSection
                objectName: "pendingPhotos"
                visible: !log.saved && log.day >= 0
                log: log
                Layout.fillWidth: true
            }
            TextArea {
                id: note
                visible: !log.saved && log.day >= 0
                placeholderText: page.patient ? qsTr("Anything else? (optional)") : qsTr("Note (optional)")
                wrapMode: TextEdit.Wrap
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.base * 5
                Accessible.name: qsTr("Note")
            }
            Label {
                visible: log.error.length > 0
                text: log.error
                color: Theme.errorColor(Material.theme === Material.Dark)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                visible: !log.saved && log.day >= 0
                enabled: log.day >= 0 && !log.saving
                text: log.saving ? qsTr("Saving…") : qsTr("Save")
                highlighted: true
                Accessible.name: qsTr("Save this entry")
                onClicked: page.save()
            }
            Item { implicitHeight: Theme.unit * 3 }
        }
    }
}
