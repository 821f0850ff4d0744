import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Clients

// A client's lasting medical history: allergies, sensitivities, medicines and conditions as
// last recorded, with "Edit history" opening a small form in place (Enter in any field
// saves, Escape cancels). At screening (`confirmable`) a check box records that it was gone
// through with the client today, instead of asking it all afresh.
ColumnLayout {
    id: card
    property var clientId: 0
    property bool editable: false
    property bool confirmable: false
    property alias confirmed: confirm.checked
    property bool editing: false
    readonly property alias history: history
    spacing: Theme.unit

    MedicalHistoryDetail { id: history; vaultSession: VaultSession; clientId: card.clientId }

    function edit() {
        allergiesField.text = history.allergies
        sensitivitiesField.text = history.sensitivities
        medicationsField.text = history.medications
        conditionsField.text = history.conditions
        card.editing = true
        allergiesField.forceActiveFocus()
    }
    function save() {
        if (history.save(allergiesField.text, sensitivitiesField.text,
                         medicationsField.text, conditionsField.text))
            card.editing = false
    }
    readonly property var rows: [
        { label: qsTr("Allergies"), value: history.allergies, hint: qsTr("e.g. lidocaine, nickel; or \"none\"") },
        { label: qsTr("Sensitivities"), value: history.sensitivities, hint: qsTr("e.g. fragrance, vitamin C serums") },
        { label: qsTr("Medicines"), value: history.medications, hint: qsTr("What the client takes, supplements too") },
        { label: qsTr("Conditions"), value: history.conditions, hint: qsTr("Health conditions that matter for treatment") }
    ]

    RowLayout {
        Layout.fillWidth: true
        SectionLabel { text: qsTr("Medical history"); Layout.fillWidth: true }
        Label { text: history.updatedText; opacity: 0.75; font.pixelSize: Theme.smallSize }
        Button {
            objectName: card.objectName + "Edit"
            visible: card.editable && !card.editing && history.loaded
            text: history.empty ? qsTr("Record history") : qsTr("Edit history")
            flat: true
            Accessible.name: text
            onClicked: card.edit()
        }
    }
    Repeater {
        model: card.editing ? [] : card.rows
        delegate: DetailRow {
            required property var modelData
            label: modelData.label
            value: modelData.value
            emptyText: qsTr("None recorded")
            Layout.fillWidth: true
        }
    }
    GridLayout {
        visible: card.editing
        columns: 2
        columnSpacing: Theme.unit * 2
        Layout.fillWidth: true
        Keys.onEscapePressed: card.editing = false
        Label { text: card.rows[0].label; Layout.preferredWidth: Theme.base * 11 }
        TextField {
            id: allergiesField
            onAccepted: card.save()
            objectName: card.objectName + "Field0"
            placeholderText: card.rows[0].hint
            Accessible.name: card.rows[0].label
            Layout.fillWidth: true
        }
        Label { text: card.rows[1].label }
        TextField {
            id: sensitivitiesField
            onAccepted: card.save()
            objectName: card.objectName + "Field1"
            placeholderText: card.rows[1].hint
            Accessible.name: card.rows[1].label
            Layout.fillWidth: true
        }
        Label { text: card.rows[2].label }
        TextField {
            id: medicationsField
            onAccepted: card.save()
            objectName: card.objectName + "Field2"
            placeholderText: card.rows[2].hint
            Accessible.name: card.rows[2].label
            Layout.fillWidth: true
        }
        Label { text: card.rows[3].label }
        TextField {
            id: conditionsField
            onAccepted: card.save()
            objectName: card.objectName + "Field3"
            placeholderText: card.rows[3].hint
            Accessible.name: card.rows[3].label
            Layout.fillWidth: true
        }
    }
    Label {
        visible: card.editing && history.error.length > 0
        text: history.error
        color: Theme.errorColor(card.Material.theme === Material.Dark)
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    RowLayout {
        visible: card.editing
        Button {
            objectName: card.objectName + "Save"
            text: qsTr("Save history")
            highlighted: true
            Accessible.name: text
            onClicked: card.save()
        }
        Button {
            text: qsTr("Cancel")
            flat: true
            Accessible.name: qsTr("Cancel editing the medical history")
            onClicked: card.editing = false
        }
    }
    CheckBox {
        id: confirm
        objectName: card.objectName + "Confirmed"
        visible: card.confirmable
        enabled: !card.editing
        text: qsTr("Medical history checked with the client today")
        Accessible.name: text
    }
}
