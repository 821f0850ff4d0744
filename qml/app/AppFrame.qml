import QtQuick
import QtQuick.Layouts
import Punctum.Common
import Punctum.Flags
import Punctum.Reviews

// The frame (UI.md): the navigation rail on the left (once unlocked), and on the right the
// audit warning over the current page. The page is shown by the Loader "pageLoader", which
// the page tour and tests look into.
RowLayout {
    id: frame
    property bool showRail
    property string railPage
    property Component page
    signal navigate(string name)

    spacing: 0

    FlagQueueModel { id: attention; vaultSession: VaultSession }
    ReturnedSessionsModel { id: returnedToMe; vaultSession: VaultSession }
    NavRail {
        visible: frame.showRail
        current: frame.railPage
        attentionCount: attention.totalCount + returnedToMe.count
        Layout.fillHeight: true
        Layout.preferredWidth: Theme.railWidth
        onNavigate: (name) => frame.navigate(name)
    }

    ColumnLayout {
        spacing: 0
        Layout.fillWidth: true
        Layout.fillHeight: true
        // A vault whose history does not reach its kept audit head says so on every page.
        ChainBanner {
            objectName: "vaultWarning"
            visible: VaultSession.unlocked && VaultSession.auditWarning.length > 0
            chainState: "broken"
            message: VaultSession.auditWarning
            canVerify: false
            messageName: "vaultWarningMessage"
            Layout.fillWidth: true
            Layout.margins: Theme.unit
        }
        Loader {
            id: content
            objectName: "pageLoader"
            Layout.fillWidth: true
            Layout.fillHeight: true
            focus: true
            sourceComponent: frame.page
        }
    }
}
