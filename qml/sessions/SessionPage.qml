import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Exchange
import Punctum.Flags
import Punctum.Photos
import Punctum.Recovery
import Punctum.Sessions

// One session: what was done, the recovery chart against its expected course, its flags
// as care cards, and its entries. [Log recovery] is the primary action.
Page {
    id: page
    objectName: "sessionPage"
    property var sessionId: 0
    property string backText: qsTr("Client")
    signal back()
    signal logRecovery(var sessionId)
    signal openPhoto(var photoId)
    signal comparePhotos(var sessionId)
    title: qsTr("Session")

    SessionPageController { id: detail; vaultSession: VaultSession; sessionId: page.sessionId }
    RecoveryChartData { id: chartData; vaultSession: VaultSession; sessionId: page.sessionId }
    SessionFlagModel { id: sessionFlags; vaultSession: VaultSession; objectName: "sessionFlagModel"; sessionId: page.sessionId }
    EntryListModel { id: entries; vaultSession: VaultSession; sessionId: page.sessionId }
    PhotoGalleryModel { id: gallery; vaultSession: VaultSession; objectName: "photoGallery"; sessionId: page.sessionId }
    FlagActions { id: flagMoves; vaultSession: VaultSession }
    PdfReportSaver { id: pdf; vaultSession: VaultSession; sessionId: page.sessionId }
    DismissDialog {
        id: dismissBox
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
    property var hiddenSeries: ({})

    // Brings the chart and the photo strip into view (the page tour's session-photos).
    function scrollToPhotos() {
        const flick = scroll.contentItem
        flick.contentY = Math.max(0, Math.min(flick.contentHeight - flick.height, chartLabel.y - Theme.unit))
    }

    // Brings the care plans issued for this session into view (the page tour's).
    function scrollToCarePlans() {
        const flick = scroll.contentItem
        flick.contentY = Math.max(0, Math.min(flick.contentHeight - flick.height, carePlans.y - Theme.unit * 2))
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: scroll.availableWidth - Theme.unit * 6
            x: Theme.unit * 3
            spacing: Theme.unit * 2

            PageHeader {
                Layout.fillWidth: true
                Layout.topMargin: Theme.unit * 3
                title: detail.found ? qsTr("Session of %1").arg(detail.treatedOn) : qsTr("Session not found")
                context: detail.found
                         ? qsTr("%1 \u00b7 %2").arg(detail.clientName)
                               .arg(detail.daysSince === 0 ? qsTr("today") : qsTr("day %1 since treatment").arg(detail.daysSince))
                         : detail.error
                Button {
                    text: page.backText
                    flat: true
                    Accessible.name: qsTr("Back: %1").arg(page.backText)
                    onClicked: page.back()
                }
                Button {
                    id: pdfButton
                    objectName: "savePdfButton"
                    visible: detail.found
                    text: qsTr("Save as PDF")
                    flat: true
                    Accessible.name: qsTr("Save this session as a PDF report")
                    onClicked: pdfMenu.open()
                    Menu {
                        id: pdfMenu
                        y: pdfButton.height
                        MenuItem {
                            text: qsTr("Session summary")
                            onTriggered: { pdf.kind = "session"; pdf.save() }
                        }
                        MenuItem {
                            text: qsTr("Recovery report")
                            onTriggered: { pdf.kind = "recovery"; pdf.save() }
                        }
                    }
                }
                Button {
                    objectName: "carePlanButton"
                    visible: detail.found && carePlans.allowed
                    text: qsTr("Care plan for the patient\u2026")
                    flat: true
                    Accessible.name: qsTr("Write a care plan file for the patient, with a pairing code")
                    onClicked: carePlans.start()
                }
                Button {
                    visible: detail.found && (VaultSession.may.log_recovery || false)
                    text: qsTr("Log recovery")
                    highlighted: true
                    Accessible.name: qsTr("Log recovery for this session")
                    onClicked: page.logRecovery(page.sessionId)
                }
            }

            Label {
                objectName: "pdfMessage"
                visible: pdf.message.length > 0
                text: pdf.message
                color: pdf.failed ? Theme.errorColor(Material.theme === Material.Dark) : Material.foreground
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            // Why this session was given and where it stands in its course, at a glance.
            Label {
                objectName: "sessionReason"
                visible: text.length > 0
                text: [detail.indication.length > 0 ? qsTr("Reason for treatment: %1").arg(detail.indication) : "",
                       detail.course.length > 0 ? qsTr("Course: %1").arg(detail.course) : ""]
                      .filter(t => t.length > 0).join("\n")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.maximumWidth: Theme.formWidth * 1.4
            }
            SectionLabel { id: chartLabel; text: qsTr("Recovery against the usual course") }
            Label {
                text: chartData.entryCount === 0
                      ? qsTr("No recovery logged yet. The shaded bands show the usual course; log a follow-up to compare.")
                      : qsTr("Shaded: the usual course from the norms profile. Lines: the scores logged. Markers: flags on their day.")
                      + (chartData.photoPoints.length > 0 ? " " + qsTr("Diamonds: redness measured in photos, on the right-hand axis.") : "")
                      + (chartData.laterEntries > 0 ? " " + qsTr("%1 later entries, after day 14, are listed below.").arg(chartData.laterEntries) : "")
                wrapMode: Text.Wrap
                opacity: 0.8
                Layout.fillWidth: true
            }
            RecoveryChart {
                objectName: "recoveryChart"
                series: chartData.series
                photoPoints: chartData.photoPoints
                photoMin: chartData.photoAxisMin
                photoMax: chartData.photoAxisMax
                flags: chartData.flags
                days: chartData.days
                hidden: page.hiddenSeries
                Layout.fillWidth: true
            }
            ChartLegend {
                series: chartData.series
                photoShown: chartData.photoPoints.length > 0
                hidden: page.hiddenSeries
                Layout.fillWidth: true
                onToggled: (key, shown) => {
                    const next = Object.assign({}, page.hiddenSeries)
                    next[key] = !shown
                    page.hiddenSeries = next
                }
            }

            RowLayout {
                spacing: Theme.unit * 2
                Layout.fillWidth: true
                Layout.topMargin: Theme.unit
                SectionLabel { text: qsTr("Photos"); Layout.fillWidth: true }
                Button {
                    objectName: "comparePhotosButton"
                    visible: gallery.count >= 2
                    text: qsTr("Compare photos")
                    Accessible.name: qsTr("Compare two photos of this session")
                    onClicked: page.comparePhotos(page.sessionId)
                }
            }
            PhotoStrip {
                objectName: "photoStrip"
                model: gallery
                Layout.fillWidth: true
                onOpenPhoto: (id) => page.openPhoto(id)
            }

            SectionLabel {
                text: flagRepeater.count === 0 ? qsTr("No flags") : qsTr("Flags")
                Layout.topMargin: Theme.unit
            }
            Label {
                visible: flagRepeater.count === 0
                text: chartData.entryCount === 0 ? qsTr("Flags appear here when a logged entry departs from the usual course.")
                                                 : qsTr("Every entry so far is within the usual course.")
                opacity: 0.8
            }
            Repeater {
                id: flagRepeater
                model: sessionFlags
                delegate: FlagCard {
                    Layout.fillWidth: true
                    Layout.maximumWidth: Theme.formWidth * 1.4
                    flagActions: flagMoves
                    dismissDialog: dismissBox
                    resolveDialog: resolveBox
                    showClient: false
                    showOpen: false
                }
            }

            SessionFacts {
                detail: detail
                Layout.fillWidth: true
                Layout.maximumWidth: Theme.formWidth * 1.4
                Layout.topMargin: Theme.unit
            }

            // The patient's own Punctum at home: care plans out, recovery reports back.
            SessionCarePlans {
                id: carePlans
                visible: detail.found && VaultSession.vaultKind === "clinic"
                sessionId: page.sessionId
                Layout.fillWidth: true
                Layout.maximumWidth: Theme.formWidth * 1.4
                Layout.topMargin: Theme.unit
            }

            SectionLabel {
                text: entryRepeater.count === 0 ? qsTr("No entries yet") : qsTr("Entries")
                Layout.topMargin: Theme.unit
            }
            Repeater {
                id: entryRepeater
                model: entries
                delegate: DetailRow {
                    required property int day
                    required property string observedOn
                    required property string summary
                    required property string note
                    required property string reporter
                    label: qsTr("Day %1, %2").arg(day).arg(observedOn)
                    value: (summary.length > 0 ? summary : qsTr("No scores")) + (note.length > 0 ? " \u2014 " + note : "")
                           + (reporter === "clinician" ? " " + qsTr("(clinician)") : "")
                    Layout.fillWidth: true
                }
            }
            Item { implicitHeight: Theme.unit * 3 }
        }
    }
}
