package vn.motcua.extraction.corpus;

import java.time.LocalDate;
import java.util.List;

import vn.motcua.extraction.header.DocumentType;
import vn.motcua.extraction.header.SignerAuthority;

/** The seven document types of the issue, each with its own header variations. */
public final class Corpus {

    private Corpus() {
    }

    public static List<Spec> specs() {
        return List.of(decision(), officialLetter(), notice(), plan(), report(), submission(), invitation());
    }

    static Spec decision() {
        return new Spec("quyet-dinh", true,
                List.of("ỦY BAN NHÂN DÂN", "THỊ XÃ AYUN PA"), null, "ỦY BAN NHÂN DÂN THỊ XÃ AYUN PA",
                "Số:   123/QĐ-UBND", "123", "QĐ-UBND",
                List.of("Ayun  Pa,  ngày 27 tháng  10 năm 2022"), "Ayun Pa", LocalDate.of(2022, 10, 27),
                "QUYẾT ĐỊNH", DocumentType.DECISION,
                List.of("Về việc phê duyệt danh sách hộ nghèo, hộ cận nghèo", "trên địa bàn thị xã năm 2022"),
                List.of("CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ AYUN PA",
                        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                        "Theo đề nghị của Trưởng phòng Lao động - Thương binh và Xã hội thị xã.",
                        "QUYẾT ĐỊNH:",
                        "Điều 1. Phê duyệt danh sách hộ nghèo, hộ cận nghèo trên địa bàn thị xã năm 2022.",
                        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
                        "Điều 3. Chánh Văn phòng HĐND và UBND thị xã, Trưởng phòng Lao động - Thương binh và Xã hội"
                                + " chịu trách nhiệm thi hành Quyết định này."),
                SignerAuthority.TM, "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An",
                List.of("Như Điều 3", "Sở Lao động - TB&XH tỉnh", "Lưu: VT, LĐTBXH"), 0);
    }

    static Spec officialLetter() {
        return new Spec("cong-van", true,
                List.of("UBND THỊ XÃ AYUN PA", "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG"), "UBND THỊ XÃ AYUN PA",
                "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG",
                "Số: 245/TNMT-ĐĐ", "245", "TNMT-ĐĐ",
                List.of("Ayun Pa, ngày 05 tháng 01 năm 2023"), "Ayun Pa", LocalDate.of(2023, 1, 5),
                null, DocumentType.OFFICIAL_LETTER,
                List.of("V/v đề nghị cung cấp hồ sơ địa chính", "thửa đất số 125, tờ bản đồ số 12"),
                List.of("Kính gửi: Văn phòng Đăng ký đất đai chi nhánh Ayun Pa",
                        "Phòng Tài nguyên và Môi trường thị xã đề nghị cung cấp hồ sơ địa chính của thửa đất nêu trên.",
                        "Rất mong nhận được sự phối hợp của quý cơ quan."),
                SignerAuthority.KT, "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "Trần Thị Bình",
                List.of("Như trên", "Lưu: VT, TNMT"), 0);
    }

    static Spec notice() {
        return new Spec("thong-bao", true,
                List.of("ỦY BAN NHÂN DÂN", "PHƯỜNG ĐOÀN KẾT"), null, "ỦY BAN NHÂN DÂN PHƯỜNG ĐOÀN KẾT",
                "Số: 37/TB-UBND", "37", "TB-UBND",
                List.of("Đoàn Kết, ngày 02 tháng 3 năm 2022"), "Đoàn Kết", LocalDate.of(2022, 3, 2),
                "THÔNG BÁO", DocumentType.NOTICE,
                List.of("Kết luận của Chủ tịch UBND phường tại cuộc họp giao ban tháng 3"),
                List.of("Ngày 01 tháng 3 năm 2022, Chủ tịch UBND phường chủ trì cuộc họp giao ban.",
                        "Chủ tịch UBND phường kết luận như sau:",
                        "1. Các bộ phận tiếp tục thực hiện tốt cơ chế một cửa."),
                null, null, "CHỦ TỊCH", "Lê Văn Cường",
                List.of("Các ban, ngành, đoàn thể phường", "Lưu: VP"), 0);
    }

    static Spec plan() {
        return new Spec("ke-hoach", false,
                List.of("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG THCS NGUYỄN DU"), "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
                "TRƯỜNG THCS NGUYỄN DU",
                "Số: 08/KH-THCS", "08", "KH-THCS",
                List.of("Ayun Pa, ngày 15 tháng 9 năm 2022"), "Ayun Pa", LocalDate.of(2022, 9, 15),
                "KẾ HOẠCH", DocumentType.PLAN,
                List.of("Tổ chức các hoạt động ngoại khóa năm học 2022 - 2023"),
                List.of("I. MỤC ĐÍCH, YÊU CẦU",
                        "Tạo sân chơi bổ ích cho học sinh, rèn luyện kỹ năng sống.",
                        "II. NỘI DUNG",
                        "Tổ chức hội thi văn nghệ, thể thao vào tháng 11 năm 2022."),
                null, null, "HIỆU TRƯỞNG", "Phạm Thị Dung",
                List.of("Phòng GD&ĐT (b/c)", "Lưu: VT"), 0);
    }

    static Spec report() {
        return new Spec("bao-cao", true,
                List.of("ỦY BAN NHÂN DÂN", "THỊ XÃ AYUN PA"), null, "ỦY BAN NHÂN DÂN THỊ XÃ AYUN PA",
                "SỐ: 215/BC-UBND", "215", "BC-UBND",
                List.of("Ayun Pa, ngày 30 tháng 9", "năm 2022"), "Ayun Pa", LocalDate.of(2022, 9, 30),
                "BÁO CÁO", DocumentType.REPORT,
                List.of("Kết quả thực hiện công tác cải cách hành chính", "quý III năm 2022"),
                List.of("Thực hiện chỉ đạo của UBND tỉnh, UBND thị xã báo cáo kết quả như sau:",
                        "I. KẾT QUẢ ĐẠT ĐƯỢC",
                        "Bộ phận một cửa đã tiếp nhận 1.250 hồ sơ, giải quyết đúng hạn 1.230 hồ sơ."),
                SignerAuthority.KT, "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Văn Em",
                List.of("UBND tỉnh Gia Lai (b/c)", "Sở Nội vụ tỉnh (b/c)", "Lưu: VT"), 60);
    }

    static Spec submission() {
        return new Spec("to-trinh", true,
                List.of("UBND THỊ XÃ AYUN PA", "PHÒNG NỘI VỤ"), "UBND THỊ XÃ AYUN PA", "PHÒNG NỘI VỤ",
                "Số :  46 / TTr-PNV", "46", "TTr-PNV",
                List.of("Ayun Pa, ngày 27 tháng 10 năm 2022"), "Ayun Pa", LocalDate.of(2022, 10, 27),
                "TỜ TRÌNH", DocumentType.SUBMISSION,
                List.of("Về việc đề nghị khen thưởng tập thể, cá nhân", "có thành tích xuất sắc năm 2022"),
                List.of("Kính gửi: Chủ tịch UBND thị xã Ayun Pa",
                        "Phòng Nội vụ kính trình Chủ tịch UBND thị xã xem xét, khen thưởng các tập thể, cá nhân."),
                null, null, "TRƯỞNG PHÒNG", "Đỗ Thị Giang",
                List.of("Như trên", "Lưu: VT, PNV"), 0);
    }

    static Spec invitation() {
        return new Spec("giay-moi", true,
                List.of("ỦY BAN NHÂN DÂN", "THỊ XÃ AYUN PA"), null, "ỦY BAN NHÂN DÂN THỊ XÃ AYUN PA",
                "Số: 112/GM-UBND", "112", "GM-UBND",
                List.of("Ayun Pa, ngày 08 tháng 11 năm 2022"), "Ayun Pa", LocalDate.of(2022, 11, 8),
                "GIẤY MỜI", DocumentType.INVITATION,
                List.of("Dự Hội nghị tổng kết công tác một cửa năm 2022"),
                List.of("Thời gian: 08 giờ 00, ngày 15 tháng 11 năm 2022.",
                        "Địa điểm: Hội trường UBND thị xã Ayun Pa."),
                SignerAuthority.TL, "CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Võ Văn Hùng",
                List.of("Như thành phần mời", "Lưu: VT, VP"), 0);
    }
}
