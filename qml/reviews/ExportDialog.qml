import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Punctum.Common
import Punctum.Reviews

// Export records: one CSV table for analysis (client ids, no names, notes or photos) or a
// FHIR R4 bundle to hand the record to another system. Storage writes and audits the file
// (ExportTasks); the outcome shows here once the task is over.
Dialog {
    id: dialog
    objectName: "exportDialog"
    required property ExportTasks tasks
    property string what: "sessions"
    property string message
    property bool failed: false
    readonly property bool dark: Material.theme === Material.Dark
    readonly property var choices: [
        { key: "sessions", name: qsTr("Sessions (CSV)"),
          about: qsTr("One row per session with its outcome: days until redness and swelling settled, flags raised.") },
        { key: "entries", name: qsTr("Recovery entries (CSV)"),
          about: qsTr("Every score logged, one row per entry, with its day after treatment.") },
        { key: "flags", name: qsTr("Flags (CSV)"),
          about: qsTr("Every flag with its rule, state, and the source of the norm it applied.") },
        { key: "outcomes", name: qsTr("Outcomes (CSV)"),
          about: qsTr("The stored outcome of each session, as the cohort statistics use it.") },
        { key: "fhir", name: qsTr("Whole record, FHIR R4 (JSON)"),
          about: qsTr("For another clinic's system: names, notes, photos the client allows in their record, and the audit trail if your role may read it.") }
    ]

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Theme.formWidth, parent ? parent.width - Theme.unit * 4 : Theme.formWidth)
    title: qsTr("Export records")
    onOpened: dialog.message = ""

    Connections {
        target: dialog.tasks.vaultSession
        function onTaskDone(kind, ok, text) {
            if (kind === "export") {
                dialog.failed = !ok
                dialog.message = text
            }
        }
    }
    FileDialog {
        id: saveDialog
        title: qsTr("Save the export as")
        fileMode: FileDialog.SaveFile
        nameFilters: dialog.what === "fhir" ? [qsTr("FHIR JSON (*.json)")] : [qsTr("CSV files (*.csv)")]
        onAccepted: dialog.tasks.exportTo(dialog.what, selectedFile)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.unit
        Label {
            text: qsTr("CSV files hold client numbers, never names, notes or photos. Every export is recorded in the audit trail.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        ButtonGroup { id: group }
        Repeater {
            model: dialog.choices
            delegate: ColumnLayout {
                required property var modelData
                spacing: 0
                Layout.fillWidth: true
                RadioButton {
                    objectName: "export_" + modelData.key
                    text: modelData.name
                    checked: dialog.what === modelData.key
                    ButtonGroup.group: group
                    Accessible.name: text + ". " + modelData.about
                    onToggled: if (checked) dialog.what = modelData.key
                }
                Label {
                    text: modelData.about
                    opacity: 0.75
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.unit * 6
                }
            }
        }
        Label {
            objectName: "exportMessage"
            visible: text.length > 0
            text: dialog.message
            color: dialog.failed ? Theme.errorColor(dialog.dark) : palette.windowText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Layout.topMargin: Theme.unit
        }
    }
    footer: RowLayout {
        spacing: Theme.unit
        Item { Layout.fillWidth: true }
        Button {
            text: qsTr("Close")
            flat: true
            Layout.bottomMargin: Theme.unit
            Accessible.name: text
            onClicked: dialog.close()
        }
        Button {
            objectName: "exportChooseFile"
            text: qsTr("Choose file and export\u2026")
            highlighted: true
            Layout.bottomMargin: Theme.unit
            Layout.rightMargin: Theme.unit * 2
            Accessible.name: qsTr("Choose where to save the file, then export")
            onClicked: {
                saveDialog.selectedFile = dialog.tasks.suggestedFile(dialog.what)
                saveDialog.open()
            }
        }
    }
}
