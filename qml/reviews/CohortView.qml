import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Reviews

// Cohort statistics: how recoveries went across the clinic, grouped as the reviewer chooses.
// Each group: days until redness and swelling settled (Kaplan-Meier median with its 95%
// interval; sessions not settled yet count until their last score, never dropped), beside
// what the norms in force expect; the share with a watch or urgent flag (95% Wilson
// interval); and the curves. Groups under 10 sessions are marked, never hidden.
ColumnLayout {
    id: view
    objectName: "cohortView"
    spacing: Theme.unit * 1.5
    readonly property bool dark: Material.theme === Material.Dark

    CohortModel { id: cohort; vaultSession: VaultSession }
    PdfReportSaver {
        id: pdf
        vaultSession: VaultSession
        kind: "cohort"
        cohortBy: cohort.by
        from: cohort.from
        to: cohort.to
    }

    Flow {
        spacing: Theme.unit
        Layout.fillWidth: true
        ComboBox {
            objectName: "cohortBy"
            width: Theme.base * 16
            model: cohort.groupings
            textRole: "label"
            valueRole: "key"
            Accessible.name: qsTr("Group sessions by")
            onActivated: cohort.by = currentValue
        }
        TextField {
            placeholderText: qsTr("Treated from 2026-03-01")
            width: Theme.base * 17
            Accessible.name: qsTr("Treated on or after, as year-month-day")
            onEditingFinished: cohort.from = text.trim()
        }
        TextField {
            placeholderText: qsTr("Treated to 2026-03-31")
            width: Theme.base * 17
            Accessible.name: qsTr("Treated on or before, as year-month-day")
            onEditingFinished: cohort.to = text.trim()
        }
        Button {
            objectName: "cohortSavePdf"
            text: qsTr("Save as PDF")
            enabled: cohort.error.length === 0
            Accessible.name: qsTr("Save these cohort statistics as a PDF report")
            onClicked: pdf.save()
        }
    }
    Label {
        objectName: "cohortPdfMessage"
        visible: pdf.message.length > 0
        text: pdf.message
        color: pdf.failed ? Theme.errorColor(view.dark) : Material.foreground
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        visible: cohort.error.length > 0
        text: cohort.error
        color: Theme.errorColor(view.dark)
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        objectName: "cohortEmpty"
        visible: cohort.error.length === 0 && cohort.groups.length === 0
        text: qsTr("No sessions were treated in this range. Clear the dates, or choose a wider range.")
        wrapMode: Text.Wrap
        opacity: 0.8
        Layout.fillWidth: true
    }

    ListView {
        objectName: "cohortGroups"
        model: cohort.groups
        clip: true
        spacing: Theme.unit * 2
        Layout.fillWidth: true
        Layout.fillHeight: true
        ScrollBar.vertical: ScrollBar {}
        delegate: Pane {
            id: card
            required property var modelData
            width: ListView.view.width - Theme.unit * 2
            padding: Theme.unit * 2
            Material.elevation: 1
            Material.background: view.dark ? "#2a2f33" : "#ffffff"
            contentItem: ColumnLayout {
                spacing: Theme.unit / 2
                RowLayout {
                    spacing: Theme.unit
                    Layout.fillWidth: true
                    Label {
                        text: card.modelData.title
                        font.weight: Font.DemiBold
                        font.pixelSize: Theme.headingSize
                    }
                    Label {
                        text: card.modelData.sessions === 1 ? qsTr("1 session") : qsTr("%1 sessions").arg(card.modelData.sessions)
                        opacity: 0.8
                    }
                    Item { Layout.fillWidth: true }
                }
                Label {
                    visible: card.modelData.small
                    text: qsTr("Small group: fewer than 10 sessions, so the figures are uncertain.")
                    font.italic: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Repeater {
                    model: [{ name: qsTr("Redness settled (solid line)"), data: card.modelData.redness },
                            { name: qsTr("Swelling settled (dashed line)"), data: card.modelData.swelling }]
                    delegate: Label {
                        required property var modelData
                        text: "<b>" + modelData.name + ":</b> " + modelData.data.median
                              + (modelData.data.expected.length > 0 ? ". " + modelData.data.expected + "." : "")
                        textFormat: Text.StyledText
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
                Label { text: card.modelData.flagged; wrapMode: Text.Wrap; Layout.fillWidth: true }
                Label {
                    visible: text.length > 0
                    text: card.modelData.logging
                    opacity: 0.8
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                CohortChart {
                    redness: card.modelData.redness
                    swelling: card.modelData.swelling
                    lastDay: Math.min(cohort.lastDay, 30)
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.unit
                }
            }
        }
    }
}
