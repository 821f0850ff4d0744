#include "page_writer.h"

#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>

#include <algorithm>

namespace punctum::reports {

namespace {

constexpr int text_flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;

} // namespace

PageWriter::PageWriter(QPdfWriter& writer, QString footer, int total_pages)
    : writer_(writer), footer_(std::move(footer)), total_pages_(total_pages) {
    writer_.setResolution(300);
    // No printer margins: the page's own margins are laid out here, so that the footer can
    // sit in the bottom one.
    writer_.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                      QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
    painter_.begin(&writer_);
    dots_per_mm_ = writer_.resolution() / 25.4;
    left_ = mm(20);
    right_ = mm(210 - 20);
    top_ = mm(20);
    bottom_ = mm(297 - 22);
    y_ = top_;
}

QFont PageWriter::font(double points, bool bold) const {
    QFont f;
    // DejaVu ships with the app's dependencies; the rest are what a desktop usually has.
    f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans"),
                   QStringLiteral("Liberation Sans"), QStringLiteral("Sans Serif")});
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

double PageWriter::text_height(const QString& text, const QFont& font, double width) const {
    const QFontMetricsF metrics(font, &writer_);
    return metrics.boundingRect(QRectF(0, 0, width, 1e6), text_flags, text).height();
}

void PageWriter::keep(double height) {
    if (y_ + height > bottom_ && y_ > top_ + mm(12)) {
        new_page();
    }
}

void PageWriter::new_page() {
    footer();
    writer_.newPage();
    ++page_;
    y_ = top_;
}

void PageWriter::footer() {
    painter_.save();
    painter_.setPen(QPen(palette::rule, mm(0.25)));
    const double line = bottom_ + mm(6);
    painter_.drawLine(QPointF(left_, line), QPointF(right_, line));
    painter_.setFont(font(8));
    painter_.setPen(palette::muted);
    const QRectF area(left_, line + mm(1.5), width(), mm(6));
    painter_.drawText(area, Qt::AlignLeft | Qt::AlignTop, footer_);
    const QString page = total_pages_ > 0
                             ? QStringLiteral("Page %1 of %2").arg(page_).arg(total_pages_)
                             : QStringLiteral("Page %1").arg(page_);
    painter_.drawText(area, Qt::AlignRight | Qt::AlignTop, page);
    painter_.restore();
}

void PageWriter::finish() {
    footer();
    painter_.end();
}

void PageWriter::space(double millimetres) {
    y_ += mm(millimetres);
}

void PageWriter::title(const QString& title, const QStringList& lines) {
    painter_.setPen(palette::accent);
    painter_.setFont(font(9, true));
    painter_.drawText(QRectF(left_, y_, width(), mm(6)), Qt::AlignLeft | Qt::AlignTop,
                      QStringLiteral("Punctum"));
    y_ += mm(6);
    const auto big = font(20, true);
    const double h = text_height(title, big, width());
    painter_.setPen(palette::ink);
    painter_.setFont(big);
    painter_.drawText(QRectF(left_, y_, width(), h), text_flags, title);
    y_ += h + mm(2);
    for (const auto& line : lines) {
        paragraph(line, palette::muted, 10);
    }
    y_ += mm(3);
    painter_.setPen(QPen(palette::rule, mm(0.3)));
    painter_.drawLine(QPointF(left_, y_), QPointF(right_, y_));
    y_ += mm(5);
}

void PageWriter::heading(const QString& text, double keep_mm) {
    const auto f = font(13, true);
    const double h = text_height(text, f, width());
    y_ += mm(3);
    keep(h + mm(keep_mm));
    painter_.setPen(palette::accent);
    painter_.setFont(f);
    painter_.drawText(QRectF(left_, y_, width(), h), text_flags, text);
    y_ += h + mm(2);
}

void PageWriter::subheading(const QString& text) {
    const auto f = font(10.5, true);
    const double h = text_height(text, f, width());
    y_ += mm(1.5);
    keep(h + mm(12));
    painter_.setPen(palette::ink);
    painter_.setFont(f);
    painter_.drawText(QRectF(left_, y_, width(), h), text_flags, text);
    y_ += h + mm(1);
}

void PageWriter::paragraph(const QString& text, const QColor& colour, double points) {
    const auto f = font(points);
    const double h = text_height(text, f, width());
    keep(h);
    painter_.setPen(colour);
    painter_.setFont(f);
    painter_.drawText(QRectF(left_, y_, width(), h), text_flags, text);
    y_ += h + mm(1.5);
}

void PageWriter::fields(const std::vector<std::pair<QString, QString>>& rows) {
    const auto label_font = font(9.5);
    const auto value_font = font(10);
    const double label_w = mm(48);
    const double value_w = width() - label_w;
    for (const auto& [label, value] : rows) {
        const QString shown = value.isEmpty() ? QStringLiteral("not recorded") : value;
        const double h = std::max(text_height(label, label_font, label_w - mm(3)),
                                  text_height(shown, value_font, value_w));
        keep(h);
        painter_.setPen(palette::muted);
        painter_.setFont(label_font);
        painter_.drawText(QRectF(left_, y_, label_w - mm(3), h), text_flags, label);
        painter_.setPen(value.isEmpty() ? palette::muted : palette::ink);
        painter_.setFont(value_font);
        painter_.drawText(QRectF(left_ + label_w, y_, value_w, h), text_flags, shown);
        y_ += h + mm(1.2);
    }
}

void PageWriter::draw_row(const std::vector<Column>& columns, const QStringList& cells,
                          const QFont& font, const QColor& colour) {
    double total = 0;
    for (const auto& c : columns) {
        total += c.share;
    }
    const double pad = mm(1.5);
    std::vector<double> widths;
    double h = 0;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        widths.push_back(width() * columns[i].share / total);
        const QString cell = i < static_cast<std::size_t>(cells.size()) ? cells[int(i)] : QString();
        h = std::max(h, text_height(cell, font, widths.back() - pad));
    }
    painter_.setPen(colour);
    painter_.setFont(font);
    double x = left_;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const QString cell = i < static_cast<std::size_t>(cells.size()) ? cells[int(i)] : QString();
        painter_.drawText(QRectF(x, y_, widths[i] - pad, h), text_flags, cell);
        x += widths[i];
    }
    y_ += h + mm(1);
}

void PageWriter::table(const std::vector<Column>& columns, const std::vector<QStringList>& rows) {
    const auto head_font = font(9, true);
    const auto body_font = font(9);
    QStringList headers;
    for (const auto& c : columns) {
        headers << c.header;
    }
    auto header = [&] {
        draw_row(columns, headers, head_font, palette::muted);
        painter_.setPen(QPen(palette::rule, mm(0.25)));
        painter_.drawLine(QPointF(left_, y_ - mm(0.5)), QPointF(right_, y_ - mm(0.5)));
        y_ += mm(0.8);
    };
    keep(mm(16));
    header();
    for (const auto& row : rows) {
        if (y_ + mm(9) > bottom_) {
            new_page();
            header();
        }
        draw_row(columns, row, body_font, palette::ink);
    }
    y_ += mm(2);
}

void PageWriter::card(const QColor& band, const QColor& band_text, const QString& word,
                      const QString& text) {
    const auto word_font = font(9, true);
    const auto body_font = font(9.5);
    const double band_w = mm(24);
    const double pad = mm(2);
    const double body_w = width() - band_w - 2 * pad;
    const double h = std::max(text_height(text, body_font, body_w), mm(5)) + 2 * pad;
    keep(h);
    const QRectF band_rect(left_, y_, band_w, h);
    painter_.fillRect(band_rect, band);
    painter_.setPen(band_text);
    painter_.setFont(word_font);
    painter_.drawText(band_rect.adjusted(pad, pad, -pad, -pad), text_flags, word);
    painter_.setPen(QPen(band, mm(0.3)));
    painter_.setBrush(Qt::NoBrush);
    painter_.drawRect(QRectF(left_, y_, width(), h));
    painter_.setPen(palette::ink);
    painter_.setFont(body_font);
    painter_.drawText(QRectF(left_ + band_w + pad, y_ + pad, body_w, h - 2 * pad), text_flags,
                      text);
    y_ += h + mm(2);
}

QRectF PageWriter::block(double height) {
    keep(height);
    const QRectF r(left_, y_, width(), height);
    y_ += height + mm(2);
    return r;
}

} // namespace punctum::reports
