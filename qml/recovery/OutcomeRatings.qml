import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common

// Whether the treatment has worked, against its reason: the Global Aesthetic Improvement
// Scale, 1 very much improved .. 5 worse. At a follow-up the clinician records their own
// rating and may record the client's; a patient rates their own result. Both optional, and
// kept apart from the symptom scores (an entry with only a rating is not a check-in).
ColumnLayout {
    id: ratings
    required property var log
    property bool patient: false
    spacing: Theme.unit * 2

    // GAIS grades for LogRecoveryPageController.save(): the pickers' values 0..4 stand for 1..5.
    function values() {
        const out = {}
        if (!ratings.patient && practitioner.reported)
            out.gaisPractitioner = practitioner.value + 1
        if (own.reported)
            out.gaisPatient = own.value + 1
        return out
    }
    function reset() {
        practitioner.value = -1
        own.value = -1
    }

    SectionLabel { text: ratings.patient ? qsTr("Has your skin improved? (optional)") : qsTr("Improvement so far (optional)") }
    Label {
        text: ratings.patient
              ? qsTr("Compare with your skin before the course began. Leave this empty in the first days, while the skin heals.")
              : qsTr("Against the reason for treatment, usually at a review once the skin has settled. Leave empty if not assessed.")
        wrapMode: Text.Wrap
        opacity: 0.8
        Layout.fillWidth: true
    }
    ScorePicker {
        id: practitioner
        objectName: "gais_practitioner"
        visible: !ratings.patient
        scale: Object.assign({}, ratings.log.gaisScale, { key: "gais_practitioner", name: qsTr("Practitioner's rating") })
        Layout.fillWidth: true
    }
    ScorePicker {
        id: own
        objectName: "gais_patient"
        scale: Object.assign({}, ratings.log.gaisScale,
                             { key: "gais_patient", name: ratings.patient ? qsTr("Your own rating") : qsTr("The client's own rating") })
        Layout.fillWidth: true
    }
}
