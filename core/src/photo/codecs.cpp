// JPEG and PNG through libjpeg-turbo and libpng with the calls and settings of OpenCV 4.6's
// imgcodecs (grfmt_jpeg.cpp, grfmt_png.cpp) for IMREAD_COLOR / IMREAD_REDUCED_COLOR_n and
// imencode(".jpg" with a quality, ".png" with no parameters).
//
// Both libraries report errors by longjmp. Each step that calls them arms its own setjmp in a
// function whose locals are all trivially destructible, and the jump never crosses a C++
// frame; the library state lives in a struct owned by the caller, which frees it.

#include "codecs.h"

#include <algorithm>
#include <csetjmp>
#include <cstddef>
#include <cstdio> // jpeglib.h needs FILE
#include <cstdlib>

#include <jpeglib.h>
#include <png.h>

namespace punctum::core::photo::detail {

namespace {

// ---- JPEG ----

struct JpegErrors {
    jpeg_error_mgr manager{};
    std::jmp_buf jump{};
};

[[noreturn]] void jpeg_error_exit(j_common_ptr info) {
    // The manager is the first member, so its address is the struct's.
    std::longjmp(reinterpret_cast<JpegErrors*>(info->err)->jump, 1); // NOLINT: libjpeg's API
}

// Warnings (a missing end marker, extraneous bytes) are not failures, as in OpenCV; they
// are not printed either.
void jpeg_quiet(j_common_ptr /*info*/) {}

void jpeg_errors(JpegErrors& errors, jpeg_error_mgr*& slot) {
    slot = jpeg_std_error(&errors.manager);
    errors.manager.error_exit = jpeg_error_exit;
    errors.manager.output_message = jpeg_quiet;
}

struct JpegReader {
    jpeg_decompress_struct info{};
    JpegErrors errors{};
    bool created = false;
    JpegReader() = default;
    JpegReader(const JpegReader&) = delete;
    JpegReader& operator=(const JpegReader&) = delete;
    ~JpegReader() {
        if (created) {
            jpeg_destroy_decompress(&info);
        }
    }
};

bool jpeg_start(JpegReader& r, std::span<const std::uint8_t> file, int scale_denom) {
    if (setjmp(r.errors.jump) != 0) {
        return false;
    }
    jpeg_create_decompress(&r.info);
    r.created = true;
    jpeg_mem_src(&r.info, file.data(), static_cast<unsigned long>(file.size()));
    jpeg_read_header(&r.info, TRUE);
    r.info.scale_num = 1;
    r.info.scale_denom = static_cast<unsigned int>(scale_denom);
    // libjpeg-turbo cannot turn CMYK into BGR: it gives CMYK, converted below.
    if (r.info.num_components != 4) {
        r.info.out_color_space = JCS_EXT_BGR;
        r.info.out_color_components = 3;
    } else {
        r.info.out_color_space = JCS_CMYK;
        r.info.out_color_components = 4;
    }
    jpeg_start_decompress(&r.info);
    return true;
}

bool jpeg_rows(JpegReader& r, cv::Mat& out) {
    if (setjmp(r.errors.jump) != 0) {
        return false;
    }
    while (r.info.output_scanline < r.info.output_height) {
        JSAMPROW row = out.ptr<std::uint8_t>(static_cast<int>(r.info.output_scanline));
        jpeg_read_scanlines(&r.info, &row, 1);
    }
    jpeg_finish_decompress(&r.info);
    return true;
}

// OpenCV's icvCvt_CMYK2BGR_8u_C4C3R (Adobe's inverted CMYK, as libjpeg gives it).
cv::Mat cmyk_to_bgr(const cv::Mat& cmyk) {
    cv::Mat bgr(cmyk.rows, cmyk.cols, CV_8UC3);
    for (int y = 0; y < cmyk.rows; ++y) {
        const auto* in = cmyk.ptr<std::uint8_t>(y);
        auto* out = bgr.ptr<std::uint8_t>(y);
        for (int x = 0; x < cmyk.cols; ++x, in += 4, out += 3) {
            const int k = in[3];
            const auto ink = [k](int v) {
                return static_cast<std::uint8_t>(k - ((255 - v) * k >> 8));
            };
            out[2] = ink(in[0]);
            out[1] = ink(in[1]);
            out[0] = ink(in[2]);
        }
    }
    return bgr;
}

struct JpegWriter {
    jpeg_compress_struct info{};
    JpegErrors errors{};
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    bool created = false;
    JpegWriter() = default;
    JpegWriter(const JpegWriter&) = delete;
    JpegWriter& operator=(const JpegWriter&) = delete;
    ~JpegWriter() {
        if (created) {
            jpeg_destroy_compress(&info);
        }
        std::free(buffer); // NOLINT: jpeg_mem_dest allocates with malloc
    }
};

bool jpeg_write(JpegWriter& w, const cv::Mat& bgr, int quality, std::uint8_t* rgb_row) {
    if (setjmp(w.errors.jump) != 0) {
        return false;
    }
    jpeg_create_compress(&w.info);
    w.created = true;
    jpeg_mem_dest(&w.info, &w.buffer, &w.size);
    w.info.image_width = static_cast<JDIMENSION>(bgr.cols);
    w.info.image_height = static_cast<JDIMENSION>(bgr.rows);
    w.info.input_components = 3;
    w.info.in_color_space = JCS_RGB;
    jpeg_set_defaults(&w.info);
    w.info.restart_interval = 0;
    jpeg_set_quality(&w.info, quality, TRUE);
    jpeg_start_compress(&w.info, TRUE);
    for (int y = 0; y < bgr.rows; ++y) {
        const auto* in = bgr.ptr<std::uint8_t>(y);
        for (int x = 0; x < bgr.cols; ++x) {
            rgb_row[3 * x] = in[3 * x + 2];
            rgb_row[3 * x + 1] = in[3 * x + 1];
            rgb_row[3 * x + 2] = in[3 * x];
        }
        JSAMPROW row = rgb_row;
        jpeg_write_scanlines(&w.info, &row, 1);
    }
    jpeg_finish_compress(&w.info);
    return true;
}

// ---- PNG ----

[[noreturn]] void png_fail(png_structp png, png_const_charp /*message*/) {
    png_longjmp(png, 1);
}
void png_quiet(png_structp /*png*/, png_const_charp /*message*/) {}

struct PngInput {
    std::span<const std::uint8_t> file;
    std::size_t pos = 0;
};

void png_read_bytes(png_structp png, png_bytep out, png_size_t length) {
    auto* in = static_cast<PngInput*>(png_get_io_ptr(png));
    if (in->pos + length > in->file.size()) {
        png_error(png, "PNG input buffer is incomplete");
    }
    std::copy_n(in->file.begin() + static_cast<std::ptrdiff_t>(in->pos), length, out);
    in->pos += length;
}

struct PngReader {
    png_structp png = nullptr;
    png_infop info = nullptr;
    png_infop end = nullptr;
    PngInput input;
    png_uint_32 width = 0;
    png_uint_32 height = 0;
    PngReader() = default;
    PngReader(const PngReader&) = delete;
    PngReader& operator=(const PngReader&) = delete;
    ~PngReader() {
        if (png != nullptr) {
            png_destroy_read_struct(&png, info != nullptr ? &info : nullptr,
                                    end != nullptr ? &end : nullptr);
        }
    }
};

bool png_start(PngReader& r) {
    if (setjmp(png_jmpbuf(r.png)) != 0) {
        return false;
    }
    png_set_read_fn(r.png, &r.input, png_read_bytes);
    png_read_info(r.png, r.info);
    int bit_depth = 0;
    int color_type = 0;
    png_get_IHDR(r.png, r.info, &r.width, &r.height, &bit_depth, &color_type, nullptr, nullptr,
                 nullptr);
    if (bit_depth == 16) {
        png_set_strip_16(r.png);
    }
    png_set_strip_alpha(r.png);
    if (color_type == PNG_COLOR_TYPE_PALETTE) {
        png_set_palette_to_rgb(r.png);
    }
    if ((color_type & PNG_COLOR_MASK_COLOR) == 0 && bit_depth < 8) {
        png_set_expand_gray_1_2_4_to_8(r.png);
    }
    if ((color_type & PNG_COLOR_MASK_COLOR) != 0) {
        png_set_bgr(r.png);
    } else {
        png_set_gray_to_rgb(r.png);
    }
    png_set_interlace_handling(r.png);
    png_read_update_info(r.png, r.info);
    return true;
}

bool png_rows(PngReader& r, png_bytepp rows) {
    if (setjmp(png_jmpbuf(r.png)) != 0) {
        return false;
    }
    png_read_image(r.png, rows);
    png_read_end(r.png, r.end);
    return true;
}

void png_write_bytes(png_structp png, png_bytep data, png_size_t length) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(png_get_io_ptr(png));
    out->insert(out->end(), data, data + length);
}
void png_flush_nothing(png_structp /*png*/) {}

struct PngWriter {
    png_structp png = nullptr;
    png_infop info = nullptr;
    PngWriter() = default;
    PngWriter(const PngWriter&) = delete;
    PngWriter& operator=(const PngWriter&) = delete;
    ~PngWriter() {
        if (png != nullptr) {
            png_destroy_write_struct(&png, info != nullptr ? &info : nullptr);
        }
    }
};

bool png_write(PngWriter& w, const cv::Mat& bgr, std::vector<std::uint8_t>& out, png_bytepp rows) {
    if (setjmp(png_jmpbuf(w.png)) != 0) {
        return false;
    }
    png_set_write_fn(w.png, &out, png_write_bytes, png_flush_nothing);
    png_set_filter(w.png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
    png_set_compression_level(w.png, 1);    // Z_BEST_SPEED
    png_set_compression_strategy(w.png, 3); // Z_RLE
    png_set_IHDR(w.png, w.info, static_cast<png_uint_32>(bgr.cols),
                 static_cast<png_uint_32>(bgr.rows), 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(w.png, w.info);
    png_set_bgr(w.png);
    png_write_image(w.png, rows);
    png_write_end(w.png, w.info);
    return true;
}

} // namespace

cv::Mat jpeg_decode(std::span<const std::uint8_t> file, int scale_denom) {
    JpegReader r;
    jpeg_errors(r.errors, r.info.err);
    if (!jpeg_start(r, file, scale_denom)) {
        return {};
    }
    const bool cmyk = r.info.out_color_space == JCS_CMYK;
    cv::Mat out(static_cast<int>(r.info.output_height), static_cast<int>(r.info.output_width),
                cmyk ? CV_8UC4 : CV_8UC3);
    if (!jpeg_rows(r, out)) {
        return {};
    }
    return cmyk ? cmyk_to_bgr(out) : out;
}

cv::Mat png_decode(std::span<const std::uint8_t> file) {
    PngReader r;
    r.input.file = file;
    r.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, png_fail, png_quiet);
    if (r.png == nullptr) {
        return {};
    }
    r.info = png_create_info_struct(r.png);
    r.end = png_create_info_struct(r.png);
    if (r.info == nullptr || r.end == nullptr || !png_start(r)) {
        return {};
    }
    if (png_get_channels(r.png, r.info) != 3 || png_get_bit_depth(r.png, r.info) != 8) {
        return {};
    }
    cv::Mat out(static_cast<int>(r.height), static_cast<int>(r.width), CV_8UC3);
    std::vector<png_bytep> rows(r.height);
    for (int y = 0; y < out.rows; ++y) {
        rows[static_cast<std::size_t>(y)] = out.ptr<std::uint8_t>(y);
    }
    if (!png_rows(r, rows.data())) {
        return {};
    }
    return out;
}

std::vector<std::uint8_t> jpeg_encode(const cv::Mat& bgr, int quality) {
    if (bgr.empty() || bgr.type() != CV_8UC3) {
        return {};
    }
    JpegWriter w;
    jpeg_errors(w.errors, w.info.err);
    std::vector<std::uint8_t> rgb_row(static_cast<std::size_t>(bgr.cols) * 3);
    if (!jpeg_write(w, bgr, quality, rgb_row.data())) {
        return {};
    }
    return {w.buffer, w.buffer + w.size};
}

std::vector<std::uint8_t> png_encode(const cv::Mat& bgr) {
    if (bgr.empty() || bgr.type() != CV_8UC3) {
        return {};
    }
    PngWriter w;
    w.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, png_fail, png_quiet);
    if (w.png == nullptr) {
        return {};
    }
    w.info = png_create_info_struct(w.png);
    if (w.info == nullptr) {
        return {};
    }
    std::vector<png_bytep> rows(static_cast<std::size_t>(bgr.rows));
    for (int y = 0; y < bgr.rows; ++y) {
        // libpng only reads the rows it writes.
        rows[static_cast<std::size_t>(y)] = const_cast<std::uint8_t*>(bgr.ptr<std::uint8_t>(y));
    }
    std::vector<std::uint8_t> out;
    out.reserve(static_cast<std::size_t>(bgr.total()) * 3 / 2 + 1024);
    if (!png_write(w, bgr, out, rows.data())) {
        return {};
    }
    return out;
}

} // namespace punctum::core::photo::detail
