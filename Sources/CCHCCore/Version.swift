public enum CCHC { public static let version = "0.3.0" }
