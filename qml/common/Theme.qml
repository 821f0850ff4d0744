pragma Singleton
import QtQuick

// Sizes derive from the system font (UI.md): spacing on an 8 px grid scaled with it.
QtObject {
    readonly property real base: Qt.application.font.pixelSize > 0 ? Qt.application.font.pixelSize : 14
    readonly property real unit: Math.round(base * 8 / 14)
    readonly property real formWidth: base * 52
    readonly property real railWidth: base * 18

    readonly property real bodySize: base
    readonly property real smallSize: Math.round(base * 0.88)
    readonly property real titleSize: Math.round(base * 1.6)
    readonly property real headingSize: Math.round(base * 1.2)

    // Colour carries meaning only for severity (UI.md); everything else is neutral.
    readonly property color urgent: "#b3261e"
    readonly property color urgentText: "#ffffff"
    readonly property color watch: "#f2b01e"
    readonly property color watchText: "#231a00"
    readonly property color info: "#5d6b7a"
    readonly property color infoText: "#ffffff"
    readonly property color ok: "#1e7d45"
    readonly property color okOnDark: "#6fcf97"
    readonly property color urgentOnDark: "#f28b82"

    // Error text next to where it happened, readable in both themes (4.5:1).
    function errorColor(dark) {
        return dark ? urgentOnDark : urgent
    }

    // A care card's band (UI.md "Severity"): never colour alone, so each has a word and an icon.
    function bandColor(severity) {
        return severity === "urgent" ? urgent : severity === "watch" ? watch : info
    }
    function bandText(severity) {
        return severity === "urgent" ? urgentText : severity === "watch" ? watchText : infoText
    }
    function icon(severity) {
        return severity === "urgent" ? "\u203c" : severity === "watch" ? "\u26a0"
             : severity === "ok" ? "\u2713" : "\u2139"
    }
    // Chart series colours: distinct in both themes, never the severity colours.
    readonly property var seriesColors: ["#00897b", "#5e35b1", "#d81b60", "#1e88e5", "#6d4c41", "#827717", "#43a047", "#546e7a"]
}
