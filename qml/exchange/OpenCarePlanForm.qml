import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Punctum.Common
import Punctum.Exchange

// Opening a care plan: the file the clinic gave, and the code they told apart from it.
// The code is forgiving (any case, spaces, dashes); a mistyped one is said at once, before
// the slow part.
ColumnLayout {
    id: form
    objectName: "openCarePlanForm"
    required property CarePlansPageController controller
    property url file
    readonly property bool dark: Material.theme === Material.Dark
    spacing: Theme.unit

    function open() {
        form.controller.openCarePlan(form.file, code.text)
    }
    // Opened: the form is done with; refused: both stay, to correct the one that was wrong.
    Connections {
        target: form.controller
        function onOpenFinished() {
            if (!form.controller.openFailed) {
                code.text = ""
                form.file = ""
            }
        }
    }

    FileDialog {
        id: chooser
        title: qsTr("Choose the care plan from your clinic")
        fileMode: FileDialog.OpenFile
        currentFolder: form.controller.carePlanFolder()
        nameFilters: [qsTr("Punctum care plans (*.punctum-careplan)"), qsTr("All files (*)")]
        onAccepted: form.file = selectedFile
    }

    Label { text: qsTr("Care plan file from your clinic"); opacity: 0.8 }
    RowLayout {
        spacing: Theme.unit
        Layout.fillWidth: true
        TextField {
            objectName: "carePlanFile"
            readOnly: true
            text: form.file.toString().length > 0 ? decodeURIComponent(form.file.toString().split("/").pop()) : ""
            placeholderText: qsTr("No file chosen")
            Accessible.name: qsTr("Care plan file")
            Layout.fillWidth: true
        }
        Button {
            objectName: "chooseCarePlan"
            text: qsTr("Choose file\u2026")
            Accessible.name: qsTr("Choose the care plan file")
            onClicked: chooser.open()
        }
    }
    Label { text: qsTr("Code your clinic told you"); opacity: 0.8; Layout.topMargin: Theme.unit }
    RowLayout {
        spacing: Theme.unit
        Layout.fillWidth: true
        TextField {
            id: code
            objectName: "pairingCodeField"
            placeholderText: qsTr("Code, like ABCDE-FGHJK")
            font.family: "monospace"
            font.pixelSize: Math.round(Theme.base * 1.3)
            inputMethodHints: Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText
            Accessible.name: qsTr("Pairing code the clinic told you")
            Layout.preferredWidth: Theme.base * 18
            onAccepted: form.open()
        }
        Button {
            objectName: "openCarePlan"
            text: qsTr("Open care plan")
            highlighted: true
            enabled: form.file.toString().length > 0 && code.text.trim().length > 0
            Accessible.name: qsTr("Open the care plan with this code")
            onClicked: form.open()
        }
    }
    Label {
        objectName: "openCarePlanError"
        visible: form.controller.openFailed && text.length > 0
        text: form.controller.openMessage
        color: Theme.errorColor(form.dark)
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
