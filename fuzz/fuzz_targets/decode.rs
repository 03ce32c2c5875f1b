//! decode_slice on arbitrary bytes: never a panic, and every error is well-formed.
#![no_main]
use libfuzzer_sys::fuzz_target;
use realtime_codec::{decode_slice, ErrorCode, Limits};

fuzz_target!(|data: &[u8]| {
    if let Err(err) = decode_slice(data, &Limits::default()) {
        assert!(err.path.is_empty() || err.path.starts_with('/'), "path {:?}", err.path);
        assert!(!err.message.is_empty());
        assert!(ErrorCode::ALL.contains(&err.code));
        // A position, when there is one, lies inside the input.
        if err.line > 0 {
            let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
            assert!(err.line <= lines, "line {} of {lines}", err.line);
        }
    }
});
