import QtQuick
import QtTest
import Punctum.Photos

// CompareSlider: the divider stays within the picture, the arrow keys move it by one step
// (Home/End to the ends), and a click or drag puts it under the pointer.
Item {
    width: 800
    height: 600

    CompareSlider {
        id: slider
        width: 600
        height: 400
        beforeLabel: "Before · day 0"
        afterLabel: "After · day 7"
    }

    TestCase {
        name: "CompareSlider"
        when: windowShown

        function init() {
            slider.position = 0.5
            slider.forceActiveFocus()
        }

        function test_clamp() {
            compare(slider.clamp(-0.2), 0)
            compare(slider.clamp(1.7), 1)
            compare(slider.clamp(0.3), 0.3)
        }

        function test_keysMoveTheDividerByOneStep() {
            keyClick(Qt.Key_Left)
            fuzzyCompare(slider.position, 0.45, 1e-9)
            keyClick(Qt.Key_Right)
            keyClick(Qt.Key_Right)
            fuzzyCompare(slider.position, 0.55, 1e-9)
            keyClick(Qt.Key_End)
            compare(slider.position, 1)
            keyClick(Qt.Key_Right)
            compare(slider.position, 1)
            keyClick(Qt.Key_Home)
            compare(slider.position, 0)
            keyClick(Qt.Key_Left)
            compare(slider.position, 0)
        }

        function test_moveToFollowsThePointerWithinThePicture() {
            // Without a picture loaded the painted area is empty: nothing moves.
            slider.moveTo(100)
            compare(slider.position, 0.5)
            slider.moveBy(-2)
            compare(slider.position, 0)
            slider.moveBy(0.25)
            compare(slider.position, 0.25)
        }

        function test_accessibleNameSaysWhereTheDividerIs() {
            slider.position = 0.3
            verify(slider.Accessible.name.indexOf("30 percent") >= 0)
        }
    }
}
