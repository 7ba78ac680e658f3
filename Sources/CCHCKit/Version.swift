public enum CCHC { public static let version = "0.1.0" }
