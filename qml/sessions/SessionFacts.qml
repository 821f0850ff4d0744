import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Punctum.Common
import Punctum.Sessions

// What was done in a session: why and where it stands in its course; device, cartridge,
// areas, products with lots (during and after), add-ons, the treatment record, immediate
// response, aftercare given.
ColumnLayout {
    id: facts
    property SessionPageController detail
    spacing: Theme.unit

    SectionLabel { text: qsTr("Treatment") }
    DetailRow { objectName: "indicationRow"; label: qsTr("Reason for treatment"); value: facts.detail.indication; emptyText: qsTr("Not recorded") }
    DetailRow { objectName: "courseRow"; label: qsTr("Course"); value: facts.detail.course }
    DetailRow { label: qsTr("Device"); value: facts.detail.device; emptyText: qsTr("Not recorded") }
    DetailRow { label: qsTr("Cartridge"); value: facts.detail.cartridge; emptyText: qsTr("Not recorded") }
    DetailRow {
        label: qsTr("Areas")
        value: facts.detail.areas.map(a => qsTr("%1: %2, %3").arg(a.area).arg(a.depth).arg(a.passes)).join("\n")
    }
    DetailRow {
        label: qsTr("Products during the procedure")
        value: facts.detail.products.map(p => p.lot.length > 0 ? qsTr("%1 (lot %2)").arg(p.name).arg(p.lot) : p.name).join("\n")
        emptyText: qsTr("None recorded")
    }
    DetailRow { label: qsTr("Post-care products"); value: facts.detail.aftercareProducts }
    DetailRow { label: qsTr("Add-ons"); value: facts.detail.addOns.join("\n"); emptyText: qsTr("None") }
    Repeater {
        model: facts.detail.record
        delegate: DetailRow {
            required property var modelData
            label: modelData.label
            value: modelData.value
            Layout.fillWidth: true
        }
    }
    DetailRow { label: qsTr("Skin at the end"); value: facts.detail.immediateResponse; emptyText: qsTr("Not recorded") }
    DetailRow { label: qsTr("Aftercare given"); value: facts.detail.aftercareGiven; emptyText: qsTr("Not recorded") }
    DetailRow { label: qsTr("Notes"); value: facts.detail.notes }
}
