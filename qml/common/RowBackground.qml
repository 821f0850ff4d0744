import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// A list row's background (issue 13 item 7): Material's hover, press and highlight colours
// without its ripple. Under the software renderer each ripple keeps a pixmap as large as its
// row's diagonal squared (about 4 MB for a full-width row), so rows of long lists use this:
//     delegate: ItemDelegate { id: row; background: RowBackground { control: row } ... }
Rectangle {
    required property ItemDelegate control
    implicitHeight: control.Material.delegateHeight
    color: control.down || control.hovered || control.visualFocus ? control.Material.rippleColor
         : control.highlighted ? control.Material.listHighlightColor : "transparent"
}
