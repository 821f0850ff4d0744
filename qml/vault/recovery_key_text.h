#pragma once
// Draws the recovery key the session holds, glyph by glyph, without ever making a QString
// of it (issue 12): a QString is copied freely (implicit sharing, the accessibility tree,
// the clipboard) and never wiped, so a key in one can outlive the page in memory. The
// characters go from the session's locked, wiped SecureBytes into a small QChar buffer that
// is wiped after shaping; only glyph indexes reach the scene graph.
//
// Not selectable and not copyable, on purpose: the page asks for the key on paper.

#include "common/session_bound.h"

#include <QColor>
#include <QFont>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace punctum::ui {

class RecoveryKeyText : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QFont font READ font WRITE setFont NOTIFY fontChanged)
    Q_PROPERTY(QColor color READ color WRITE setColor NOTIFY colorChanged)
    /// Groups of four characters in the key (0 when there is none to show).
    Q_PROPERTY(int groups READ groups NOTIFY keyChanged)
    /// The session whose recovery key is drawn (see session_bound.h).
    Q_PROPERTY(punctum::ui::VaultSession* vaultSession READ vaultSession WRITE setVaultSession
                   NOTIFY vaultSessionChanged REQUIRED)

public:
    explicit RecoveryKeyText(QQuickItem* parent = nullptr);

    [[nodiscard]] QFont font() const { return font_; }
    void setFont(const QFont& font);
    [[nodiscard]] QColor color() const { return color_; }
    void setColor(const QColor& color);
    [[nodiscard]] int groups() const;
    [[nodiscard]] VaultSession* vaultSession() const { return link_.session(); }
    void setVaultSession(VaultSession* session);

    void paint(QPainter* painter) override;

signals:
    void fontChanged();
    void colorChanged();
    void keyChanged();
    void vaultSessionChanged();

protected:
    void geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) override;

private:
    /// Lines of groups that fit the width; sets the implicit size from the font.
    void relayout();
    /// The key to draw; null without a session.
    [[nodiscard]] const storage::SecureBytes* shown_key() const;
    SessionLink link_;
    QFont font_;
    QColor color_ = Qt::black;
    int groups_per_line_ = 0;
};

} // namespace punctum::ui
