import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common
import Punctum.Clients
import Punctum.Sessions

// Step 1: screening. Conditions as checkboxes, recent treatments with their dates, the
// planned depth; the verdict as a care card with its reasons and sources; Override needs a
// written justification.
ColumnLayout {
    id: step
    property NewSessionPageController flow
    signal next()
    /// The verdict is in: the page scrolls it into view.
    signal reveal(Item item)
    spacing: Theme.unit * 2

    function screen() {
        const conditions = []
        for (let i = 0; i < conditionBoxes.count; ++i)
            if (conditionBoxes.itemAt(i).checked)
                conditions.push(conditionBoxes.itemAt(i).key)
        const recent = {}
        for (let j = 0; j < recentRows.count; ++j) {
            const row = recentRows.itemAt(j)
            if (row.date.length > 0)
                recent[row.key] = row.date
        }
        step.flow.historyConfirmed = history.confirmed
        step.flow.plannedAddOns = [prp, rf].filter(box => box.checked).map(box => box.key)
        if (step.flow.screen(conditions, recent, Number(depth.text) || 0))
            step.reveal(verdictCard)
    }

    MedicalHistoryCard {
        id: history
        objectName: "screeningHistory"
        clientId: step.flow.clientId
        editable: true
        confirmable: true
        Layout.fillWidth: true
    }
    SectionLabel { text: qsTr("Does any of these apply today?") }
    GridLayout {
        columns: width > Theme.base * 75 ? 3 : 2
        columnSpacing: Theme.unit * 2
        rowSpacing: 0
        Layout.fillWidth: true
        Repeater {
            id: conditionBoxes
            model: step.flow.conditions
            delegate: CheckBox {
                required property var modelData
                readonly property string key: modelData.key
                objectName: "condition_" + modelData.key
                text: modelData.label
                Accessible.name: modelData.label
                Layout.preferredWidth: Theme.base * 18
                Layout.fillWidth: true
            }
        }
    }
    RowLayout {
        spacing: Theme.unit * 2
        Label { text: qsTr("Planned with the needling:") }
        CheckBox { id: prp; readonly property string key: "prp"; objectName: "addOn_prp"; text: qsTr("PRP"); Accessible.name: qsTr("PRP planned") }
        CheckBox { id: rf; readonly property string key: "rf"; objectName: "addOn_rf"; text: qsTr("RF energy"); Accessible.name: qsTr("RF energy planned") }
    }
    SectionLabel { text: qsTr("Recent treatments and medicines"); Layout.topMargin: Theme.unit }
    Label {
        text: qsTr("Enter the date of the last one as year-month-day (today is %1); leave empty if none. For microneedling, the client's last session in this vault is used when it is later.").arg(step.flow.today)
        wrapMode: Text.Wrap
        opacity: 0.8
        Layout.fillWidth: true
    }
    GridLayout {
        columns: Math.max(1, Math.floor(width / (Theme.base * 22)))
        columnSpacing: Theme.unit * 3
        Layout.fillWidth: true
        Repeater {
            id: recentRows
            model: step.flow.recentItems
            delegate: RowLayout {
                required property var modelData
                readonly property string key: modelData.key
                readonly property string date: field.text.trim()
                Layout.fillWidth: true
                Label { text: modelData.label; Layout.fillWidth: true; wrapMode: Text.Wrap }
                TextField {
                    id: field
                    objectName: "recent_" + modelData.key
                    placeholderText: qsTr("YYYY-MM-DD")
                    inputMask: ""
                    Layout.preferredWidth: Theme.base * 9
                    Accessible.name: qsTr("Date of the last %1").arg(modelData.label)
                }
            }
        }
    }
    RowLayout {
        Label { text: qsTr("Deepest planned setting (mm)") }
        TextField {
            id: depth
            objectName: "plannedDepth"
            placeholderText: qsTr("e.g. 1.0")
            validator: DoubleValidator { bottom: 0; top: 3; decimals: 2 }
            Layout.preferredWidth: Theme.base * 6
            Accessible.name: qsTr("Deepest planned needle setting in millimetres")
        }
        Button {
            objectName: "screenButton"
            text: step.flow.screened ? qsTr("Screen again") : qsTr("Screen")
            highlighted: !step.flow.screened
            Accessible.name: qsTr("Screen the client for today's treatment")
            onClicked: step.screen()
        }
    }

    CareCard {
        id: verdictCard
        visible: step.flow.screened
        band: step.flow.verdictBand
        word: step.flow.verdictWord + (step.flow.overridden ? " \u00b7 " + qsTr("overridden") : "")
        title: step.flow.reasons.length === 0 ? qsTr("Nothing in the screening stands in the way.")
               : step.flow.reasons.map(r => "\u2022 " + r.message + (r.until.length > 0 ? " " + r.until + "." : "")).join("\n")
        detail: qsTr("Norms profile %1").arg(step.flow.profile)
        normSource: step.flow.reasons.map(r => r.label + ": " + r.source + (r.note.length > 0 ? " (" + r.note + ")" : "")).join("\n")
        Layout.fillWidth: true
    }
    ColumnLayout {
        visible: step.flow.screened && !step.flow.clearsTreatment
        Layout.fillWidth: true
        Label {
            text: qsTr("To treat despite this verdict, write your justification. It is kept with the screening, in your name.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        TextField {
            id: justification
            objectName: "overrideJustification"
            placeholderText: qsTr("Justification (required to override)")
            Layout.fillWidth: true
            Accessible.name: qsTr("Justification for overriding the verdict")
        }
        Button {
            objectName: "overrideButton"
            text: qsTr("Override and continue")
            enabled: justification.text.trim().length > 0
            Accessible.name: text
            onClicked: if (step.flow.overrideVerdict(justification.text)) step.next()
        }
    }
    Button {
        objectName: "screeningNext"
        visible: step.flow.clearsTreatment
        text: qsTr("Next: treatment")
        highlighted: true
        Accessible.name: text
        onClicked: step.next()
    }
}
