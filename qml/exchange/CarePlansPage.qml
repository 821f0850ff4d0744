import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Punctum.Common
import Punctum.Exchange

// My clinic (patient): the care plans this vault holds and what has not been sent back,
// sending the recovery to the clinic, and opening a care plan (the first, or another).
Page {
    id: page
    objectName: "carePlansPage"
    title: qsTr("My clinic")

    CarePlansPageController { id: controller; objectName: "carePlansController"; vaultSession: VaultSession }
    CarePlanListModel { id: plans; objectName: "carePlanList"; vaultSession: VaultSession }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            x: Theme.unit * 3
            width: Math.min(scroll.availableWidth - Theme.unit * 6, Theme.formWidth * 1.2)
            spacing: Theme.unit * 2

            PageHeader {
                Layout.fillWidth: true
                Layout.topMargin: Theme.unit * 3
                title: qsTr("My clinic")
                context: plans.count === 0 ? qsTr("No care plan opened yet") : plans.latest
            }

            // A care plan just opened: what it joined, where the eye is.
            RowLayout {
                visible: !controller.openFailed && controller.openMessage.length > 0
                spacing: Theme.unit
                Layout.fillWidth: true
                Label {
                    text: "\u2713"
                    color: Material.theme === Material.Dark ? Theme.okOnDark : Theme.ok
                    font.weight: Font.Bold
                    Layout.alignment: Qt.AlignTop
                }
                Label {
                    objectName: "openCarePlanMessage"
                    text: controller.openMessage
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
            EmptyState {
                visible: plans.count === 0
                title: qsTr("Open the care plan from your clinic")
                text: qsTr("After your treatment your clinic gives you a care plan file (by email, on a USB stick or in a shared folder) and tells you a code separately. Choose the file and type the code: your aftercare and check-ins then follow your clinic's plan, and you can send your recovery back to them.")
                Layout.fillWidth: true
            }

            SectionLabel { visible: plans.count > 0; text: qsTr("Send my recovery") }
            SendReportBox {
                visible: plans.count > 0
                controller: controller
                Layout.fillWidth: true
            }

            SectionLabel { visible: plans.count > 0; text: qsTr("Care plans"); Layout.topMargin: Theme.unit }
            Repeater {
                model: plans
                delegate: ColumnLayout {
                    id: plan
                    required property string clinic
                    required property string treatedOn
                    required property string opened
                    required property string unsent
                    required property int reportsSent
                    spacing: Theme.unit / 2
                    Layout.fillWidth: true
                    Label {
                        text: qsTr("%1, treatment of %2").arg(plan.clinic).arg(plan.treatedOn)
                        font.weight: Font.DemiBold
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: qsTr("Opened %1 \u00b7 %2 \u00b7 %3").arg(plan.opened)
                              .arg(plan.reportsSent === 0 ? qsTr("no report sent yet") : (plan.reportsSent === 1 ? qsTr("1 report sent") : qsTr("%1 reports sent").arg(plan.reportsSent)))
                              .arg(plan.unsent)
                        opacity: 0.8
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }

            SectionLabel {
                visible: plans.count > 0
                text: qsTr("Open another care plan")
                Layout.topMargin: Theme.unit
            }
            OpenCarePlanForm {
                controller: controller
                Layout.fillWidth: true
            }
            Label {
                visible: plans.error.length > 0
                text: plans.error
                color: Theme.errorColor(Material.theme === Material.Dark)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Item { implicitHeight: Theme.unit * 3 }
        }
    }
}
