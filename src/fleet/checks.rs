//! The fleet-level checks, each naming the devices (or files) involved: one
//! certificate, key, CN or secret shared by several devices (Cisco
//! recommends a unique certificate and CN per device), a device named twice,
//! a leaf expiring before the admin's date, and files that went to no device.
//! Each finding goes into the fleet's list and into each device's own.

use zeroize::Zeroizing;

use crate::finding::{Finding, FindingCode};
use crate::fleet::files::Pool;
use crate::fleet::manifest::Row;
use crate::fleet::pairing::Assignment;
use crate::fleet::report::DeviceReport;
use crate::shared::quote::quote;

type Assignments = [Option<Result<Assignment, Finding>>];

/// Files that could not be read, and files whose contents went to no device.
pub(crate) fn file_findings(pool: &Pool, assignments: &Assignments) -> Vec<Finding> {
    let mut used = vec![false; pool.files.len()];
    for assignment in assignments.iter().flatten().flatten() {
        for &c in std::iter::once(&assignment.leaf).chain(&assignment.chain) {
            for &f in &pool.certs[c].files {
                used[f] = true;
            }
        }
        if let Some(k) = assignment.key {
            used[pool.keys[k].file] = true;
        }
    }
    let mut findings = Vec::new();
    for (index, (file, used)) in pool.files.iter().zip(used).enumerate() {
        if let Some(problem) = &file.problem {
            findings.push(problem.clone());
        } else if !used {
            // A key alone: its certificate is not among the files (not back from the CA yet, or not dropped).
            let key_alone =
                pool.keys.iter().any(|k| k.file == index) && !pool.certs.iter().any(|c| c.files.contains(&index));
            let message = if key_alone {
                format!(
                    "The key in \"{}\" belongs to no certificate among the files. Add its certificate (the one the \
                     CA issued for its request), or leave the key out.",
                    quote(&file.name)
                )
            } else {
                format!(
                    "Nothing in \"{}\" goes to a device in the manifest. If it should, name it in the device's \
                     certificate column, or check the certificate's CN.",
                    quote(&file.name)
                )
            };
            let mut finding = Finding::new(FindingCode::UnusedFile, message);
            finding.files = vec![file.name.clone()];
            findings.push(finding);
        }
    }
    findings
}

/// The checks across devices. Adds each finding to the devices it names.
pub(crate) fn fleet_findings(
    rows: &[Row],
    devices: &mut [DeviceReport],
    pool: &Pool,
    assignments: &Assignments,
    expires_before: Option<i64>,
) -> Vec<Finding> {
    let assigned = |i: usize| assignments[i].as_ref().and_then(|a| a.as_ref().ok());
    let usable = |i: usize| rows[i].problem.is_none();
    // (code, devices by index, message), turned into findings at the end.
    let mut found: Vec<(FindingCode, Vec<usize>, String)> = Vec::new();
    let mut report = |code, indexes: Vec<usize>, message: String| found.push((code, indexes, message));

    for group in
        groups(rows.len(), &|i| (!rows[i].device.is_empty()).then(|| bytes(&rows[i].device.to_ascii_lowercase())))
    {
        let message = format!(
            "Lines {} all name the device \"{}\". Keep one row per device.",
            lines(rows, &group),
            quote(&rows[group[0]].device)
        );
        report(FindingCode::DuplicateDevice, group, message);
    }
    for group in groups(rows.len(), &|i| assigned(i).map(|a| bytes(&a.leaf.to_string()))) {
        let message = format!(
            "{} get the same certificate. Cisco recommends one certificate per device: request one for each.",
            named(rows, &group)
        );
        report(FindingCode::DuplicateCertificate, group, message);
    }
    for group in groups(rows.len(), &|i| {
        assigned(i).and_then(|a| a.key).and_then(|k| pool.keys[k].public_id.clone()).map(Zeroizing::new)
    }) {
        let message = format!("{} get the same private key. Give each device its own key.", named(rows, &group));
        report(FindingCode::DuplicateKey, group, message);
    }
    let common_name = |i: usize| {
        pool.certs[assigned(i)?.leaf].summary.as_ref()?.common_name.as_ref().map(|cn| bytes(&cn.to_ascii_lowercase()))
    };
    for group in groups(rows.len(), &common_name) {
        // The same certificate twice is already said: a shared CN matters across different certificates.
        let leaves: Vec<usize> = group.iter().filter_map(|&i| assigned(i).map(|a| a.leaf)).collect();
        if leaves.iter().all(|&l| l == leaves[0]) {
            continue;
        }
        let message = format!(
            "{} have certificates with the same CN, so meeting participants cannot tell them apart. Give each \
             device a unique CN.",
            named(rows, &group)
        );
        report(FindingCode::DuplicateCommonName, group, message);
    }
    for group in groups(rows.len(), &|i| usable(i).then(|| bytes(&rows[i].secret))) {
        let message = format!("{} share one current secret. Give each device its own secret.", named(rows, &group));
        report(FindingCode::DuplicateSecret, group, message);
    }
    for group in groups(rows.len(), &|i| rows[i].new_secret.as_ref().filter(|_| usable(i)).map(|s| bytes(s))) {
        let message = format!("{} would get one new secret. Give each device its own secret.", named(rows, &group));
        report(FindingCode::DuplicateSecret, group, message);
    }
    if let Some(limit) = expires_before {
        for i in 0..rows.len() {
            let summary = assigned(i).and_then(|a| pool.certs[a.leaf].summary.as_ref());
            if summary.is_some_and(|s| s.not_after < limit) {
                let message = format!(
                    "The certificate of \"{}\" expires on {}, before the date you chose. Renew it with this run.",
                    quote(&rows[i].device),
                    devices[i].not_after.as_deref().unwrap_or("?")
                );
                report(FindingCode::ExpiresBefore, vec![i], message);
            }
        }
    }
    found
        .into_iter()
        .map(|(code, indexes, message)| {
            let mut finding = Finding::new(code, message);
            finding.devices = indexes.iter().map(|&i| rows[i].device.clone()).collect();
            for &i in &indexes {
                devices[i].findings.push(finding.clone());
            }
            finding
        })
        .collect()
}

/// The groups of two or more indexes below `n` that share a key, in order of
/// their first member. Indexes whose key is `None` take part in none. Keys
/// are bytes (wiped after: one is a secret), so one sort serves every check.
fn groups(n: usize, key: &dyn Fn(usize) -> Option<Zeroizing<Vec<u8>>>) -> Vec<Vec<usize>> {
    let mut keyed: Vec<(Zeroizing<Vec<u8>>, usize)> = (0..n).filter_map(|i| key(i).map(|k| (k, i))).collect();
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (j, (k, i)) in keyed.iter().enumerate() {
        match groups.last_mut() {
            Some(group) if j > 0 && keyed[j - 1].0 == *k => group.push(*i),
            _ => groups.push(vec![*i]),
        }
    }
    groups.retain(|g| g.len() > 1);
    // Each group is in index order; order groups by their first member.
    groups.sort_unstable_by_key(|g| g[0]);
    groups
}

/// "The devices "a", "b" and 3 more", bounded however large the group.
fn named(rows: &[Row], group: &[usize]) -> String {
    let shown: Vec<String> = group.iter().take(3).map(|&i| format!("\"{}\"", quote(&rows[i].device))).collect();
    match group.len() {
        n if n > 3 => format!("The devices {} and {} more", shown.join(", "), n - 3),
        _ => format!("The devices {}", shown.join(" and ")),
    }
}

fn lines(rows: &[Row], group: &[usize]) -> String {
    let shown: Vec<String> = group.iter().take(5).map(|&i| rows[i].line.to_string()).collect();
    if group.len() > 5 {
        format!("{} and {} more", shown.join(", "), group.len() - 5)
    } else {
        shown.join(", ")
    }
}

fn bytes(text: &str) -> Zeroizing<Vec<u8>> {
    Zeroizing::new(text.as_bytes().to_vec())
}
