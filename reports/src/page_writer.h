#pragma once
// Lays out a report on A4 pages, top to bottom: a title block, headings, paragraphs,
// label-value fields, tables and blocks that charts and photos are drawn into. It turns the
// page when the next item does not fit and puts a footer on every page (Punctum, when the
// report was generated, page N of M). Internal to the reports library.

#include <QColor>
#include <QFont>
#include <QPainter>
#include <QPdfWriter>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace punctum::reports {

/// The colours a report uses: one accent, and colour for severity only. Text contrast on
/// white is above 7:1 (ink) and 6:1 (muted).
namespace palette {
inline const QColor ink{0x1f, 0x29, 0x33};
inline const QColor muted{0x4a, 0x55, 0x63};
inline const QColor accent{0x1c, 0x4e, 0x6b};
inline const QColor rule{0xc8, 0xd0, 0xd8};
inline const QColor urgent{0xa3, 0x1d, 0x1d}; ///< with white text
inline const QColor watch{0xf3, 0xc6, 0x4f};  ///< with ink
inline const QColor info{0xdd, 0xe5, 0xed};   ///< with ink
inline const QColor within{0x1e, 0x7a, 0x46};
} // namespace palette

/// One column of a table: its header and its share of the width.
struct Column {
    QString header;
    double share = 1;
};

class PageWriter {
public:
    /// `footer` names the report in the footer; `total_pages` 0 while not yet known.
    PageWriter(QPdfWriter& writer, QString footer, int total_pages);

    [[nodiscard]] double mm(double millimetres) const { return millimetres * dots_per_mm_; }
    [[nodiscard]] double width() const { return right_ - left_; }
    [[nodiscard]] double left() const { return left_; }
    [[nodiscard]] QPainter& painter() { return painter_; }
    [[nodiscard]] int page() const { return page_; }
    [[nodiscard]] QFont font(double points, bool bold = false) const;

    /// The report's title, what it is about and the clinic's own words under it.
    void title(const QString& title, const QStringList& lines);
    /// A section heading; kept with at least `keep_mm` of what follows it.
    void heading(const QString& text, double keep_mm = 25);
    void subheading(const QString& text);
    void paragraph(const QString& text, const QColor& colour = palette::ink, double points = 10);
    /// Label: value rows, the labels in a column of their own.
    void fields(const std::vector<std::pair<QString, QString>>& rows);
    /// A table whose header repeats on every page it runs onto.
    void table(const std::vector<Column>& columns, const std::vector<QStringList>& rows);
    /// A care card: a coloured band with the severity word, then what it says.
    void card(const QColor& band, const QColor& band_text, const QString& word,
              const QString& text);
    /// A rectangle of the full width and `height` on this page (turning it if needed), for
    /// a chart or a row of photos; the caller draws into it.
    [[nodiscard]] QRectF block(double height);
    void space(double millimetres);
    /// Turns the page unless at least `height` is left on this one.
    void keep(double height);
    /// Ends the last page.
    void finish();

private:
    void new_page();
    void footer();
    [[nodiscard]] double text_height(const QString& text, const QFont& font, double width) const;
    void draw_row(const std::vector<Column>& columns, const QStringList& cells, const QFont& font,
                  const QColor& colour);

    QPdfWriter& writer_;
    QPainter painter_;
    QString footer_;
    int total_pages_ = 0;
    int page_ = 1;
    double dots_per_mm_ = 1;
    double left_ = 0;
    double right_ = 0;
    double top_ = 0;
    double bottom_ = 0;
    double y_ = 0;
};

} // namespace punctum::reports
