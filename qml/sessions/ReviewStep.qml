import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Sessions

// Step 4: review and sign. Everything once more; signing stores the session in your name
// and attaches the screening to it.
ColumnLayout {
    id: step
    property NewSessionPageController flow
    property var treatment: ({})
    property string aftercare
    signal signed(var sessionId)
    spacing: Theme.unit

    DetailRow { label: qsTr("Client"); value: step.flow.clientName }
    DetailRow { label: qsTr("Date"); value: step.flow.todayText }
    DetailRow {
        label: qsTr("Screening")
        value: step.flow.verdictWord + (step.flow.overridden ? " \u00b7 " + qsTr("overridden with a justification") : "")
    }
    // Why and the course, before what was done.
    TreatmentRecordForm { id: record; vaultSession: VaultSession; clientId: step.flow.clientId }
    Repeater {
        model: record.summary(step.treatment, "reason")
        delegate: DetailRow {
            required property var modelData
            label: modelData.label
            value: modelData.value
            Layout.fillWidth: true
        }
    }
    DetailRow { label: qsTr("Device"); value: step.treatment.device || ""; emptyText: qsTr("Not recorded") }
    DetailRow { label: qsTr("Cartridge"); value: step.treatment.cartridge || ""; emptyText: qsTr("Not recorded") }
    DetailRow {
        label: qsTr("Areas")
        value: (step.treatment.areas || []).map(a => qsTr("%1: %2 mm, %3 passes").arg(a.area).arg(a.depth).arg(a.passes)).join("\n")
    }
    DetailRow {
        label: qsTr("Products")
        value: (step.treatment.products || []).map(p => p.lot.length > 0 ? qsTr("%1 (lot %2)").arg(p.name).arg(p.lot) : p.name).join("\n")
        emptyText: qsTr("None")
    }
    DetailRow {
        label: qsTr("Add-ons")
        value: (step.treatment.addOns || []).map(a => a.kind.toUpperCase() + (a.detail.length > 0 ? ": " + a.detail : "")).join("\n")
        emptyText: qsTr("None")
    }
    DetailRow { label: qsTr("Skin at the end"); value: step.treatment.immediateResponse || ""; emptyText: qsTr("Not recorded") }
    // The treatment record in plain words, as the session page shows it.
    Repeater {
        model: record.summary(step.treatment, "record")
        delegate: DetailRow {
            required property var modelData
            label: modelData.label
            value: modelData.value
            Layout.fillWidth: true
        }
    }
    DetailRow { label: qsTr("Aftercare"); value: step.aftercare }
    DetailRow {
        objectName: "preparationSummary"
        label: qsTr("Before the next session")
        value: step.flow.preparation.map(line => "\u2022 " + line).join("\n")
    }
    Label {
        visible: step.flow.error.length > 0
        text: step.flow.error
        color: Theme.errorColor(Material.theme === Material.Dark)
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Button {
        objectName: "signButton"
        text: qsTr("Sign and save")
        highlighted: true
        Layout.topMargin: Theme.unit * 2
        Accessible.name: qsTr("Sign and save this session in your name")
        onClicked: {
            const t = Object.assign({}, step.treatment)
            t.aftercare = step.aftercare
            if (step.flow.sign(t))
                step.signed(step.flow.sessionId)
        }
    }
}
