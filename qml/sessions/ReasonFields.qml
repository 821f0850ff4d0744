import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common
import Punctum.Sessions

// Why this session is given: the reason in plain words, for acne scars the grade at the
// start (Goodman and Baron), and the course planned. The line under the plan is core's
// count of the client's sessions for the same reason, with the next due date.
GridLayout {
    id: reason
    required property TreatmentRecordForm form
    readonly property string indication: indicationBox.currentValue || ""
    columns: 2
    columnSpacing: Theme.unit * 2
    rowSpacing: Theme.unit

    function values() {
        return { indication: reason.indication, indicationDetail: detail.text,
                 scarGrade: reason.indication === "acne_scars" ? grade.currentValue : 0,
                 courseSessions: sessions.value, courseIntervalDays: interval.value }
    }

    // A new session usually continues the client's course: same reason, same plan.
    Component.onCompleted: {
        const p = form.previous
        if (p.indication === undefined)
            return
        indicationBox.currentIndex = Math.max(0, indicationBox.indexOfValue(p.indication))
        detail.text = p.indicationDetail
        sessions.value = p.courseSessions
        interval.value = p.courseIntervalDays
    }

    Label { text: qsTr("Reason for treatment"); Layout.preferredWidth: Theme.base * 13 }
    ComboBox {
        id: indicationBox
        objectName: "indicationPicker"
        model: reason.form.indications
        textRole: "label"
        valueRole: "key"
        Layout.fillWidth: true
        Accessible.name: qsTr("Reason for treatment")
    }
    Label { text: qsTr("Details") }
    TextField {
        id: detail
        objectName: "indicationDetail"
        placeholderText: reason.indication === "other" ? qsTr("Describe the reason (required)")
                                                       : qsTr("e.g. rolling scars on both cheeks (optional)")
        Layout.fillWidth: true
        Accessible.name: qsTr("Details of the reason for treatment")
    }
    Label { visible: grade.visible; text: qsTr("Scar grade at the start") }
    ComboBox {
        id: grade
        objectName: "scarGradePicker"
        visible: reason.indication === "acne_scars"
        model: reason.form.scarGrades
        textRole: "label"
        valueRole: "value"
        Layout.fillWidth: true
        Accessible.name: qsTr("Acne scar grade, Goodman and Baron")
    }
    Label { text: qsTr("Course plan") }
    RowLayout {
        spacing: Theme.unit
        SpinBox {
            id: sessions
            objectName: "courseSessions"
            from: 0; to: 20; editable: true
            textFromValue: (v) => v === 0 ? "\u2013" : String(v)
            valueFromText: (t) => Number(t) || 0
            Accessible.name: qsTr("Sessions planned in the course")
            onValueModified: if (value > 1 && interval.value === 0) interval.value = 28
        }
        Label { text: qsTr("sessions, every") }
        SpinBox {
            id: interval
            objectName: "courseInterval"
            from: 0; to: 365; editable: true
            textFromValue: (v) => v === 0 ? "\u2013" : String(v)
            valueFromText: (t) => Number(t) || 0
            Accessible.name: qsTr("Days between sessions")
        }
        Label { text: qsTr("days") }
    }
    Item { implicitWidth: 1; implicitHeight: 1 }
    Label {
        objectName: "courseText"
        text: sessions.value > 0 ? reason.form.courseText(reason.indication, sessions.value, interval.value)
                                 : qsTr("No course planned: leave empty for a single session.")
        opacity: 0.8
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
