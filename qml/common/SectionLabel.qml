import QtQuick
import QtQuick.Controls

// A section's heading inside a page.
Label {
    font.pixelSize: Theme.headingSize
    font.weight: Font.DemiBold
    wrapMode: Text.Wrap
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
