import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common
import Punctum.Recovery
import Punctum.Sessions

// The patient's aftercare: what they were told at their latest session, and the profile's
// general advice with its source.
Page {
    id: page
    objectName: "aftercarePage"
    property var sessionId: 0
    title: qsTr("Aftercare")

    SessionPageController { id: detail; vaultSession: VaultSession; sessionId: page.sessionId }
    NewSessionPageController { id: profileAdvice; vaultSession: VaultSession }
    RecoveryChartData { id: course; vaultSession: VaultSession; sessionId: page.sessionId }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            x: Theme.unit * 3
            width: Math.min(scroll.availableWidth - Theme.unit * 6, Theme.formWidth)
            spacing: Theme.unit * 2
            PageHeader {
                Layout.fillWidth: true
                Layout.topMargin: Theme.unit * 3
                title: qsTr("Aftercare")
                context: detail.found ? qsTr("After your treatment of %1").arg(detail.treatedOn)
                                      : qsTr("General advice after microneedling")
            }
            SectionLabel { visible: detail.aftercareGiven.length > 0; text: qsTr("What your practitioner told you") }
            Label { visible: text.length > 0; text: detail.aftercareGiven; wrapMode: Text.Wrap; Layout.fillWidth: true }
            SectionLabel {
                visible: courseRows.count > 0
                text: qsTr("What to expect after this treatment")
            }
            Repeater {
                id: courseRows
                model: course.series.filter(s => s.resolveBy >= 0)
                delegate: Label {
                    required property var modelData
                    text: qsTr("\u2022 %1: %2").arg(modelData.name).arg(modelData.courseText)
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
            SectionLabel { text: qsTr("General advice"); Layout.topMargin: Theme.unit }
            Repeater {
                model: profileAdvice.aftercare
                delegate: Label {
                    required property string modelData
                    text: "\u2022 " + modelData
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
            Label {
                text: qsTr("Source: %1").arg(profileAdvice.aftercareSource)
                wrapMode: Text.Wrap
                opacity: 0.75
                font.pixelSize: Theme.smallSize
                Layout.fillWidth: true
            }
            SectionLabel {
                objectName: "preparationHeading"
                visible: preparationRows.count > 0
                text: qsTr("Before your next treatment")
                Layout.topMargin: Theme.unit
            }
            Repeater {
                id: preparationRows
                model: profileAdvice.preparation
                delegate: Label {
                    required property string modelData
                    text: "\u2022 " + modelData
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }
    }
}
