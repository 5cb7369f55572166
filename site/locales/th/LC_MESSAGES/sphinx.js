// Thai messages of Sphinx's search page (searchtools.js); same words as sphinx.po.
Documentation.addTranslations({
 "locale": "th",
 "plural_expr": "0",
 "messages": {
  "Search": "ค้นหา",
  "search": "ค้นหา",
  "Search...": "ค้นหา...",
  "Skip to main content": "ข้ามไปที่เนื้อหาหลัก",
  "Back to top": "กลับขึ้นด้านบน",
  "Color mode": "โหมดสี",
  "Light": "สว่าง",
  "Dark": "มืด",
  "System Settings": "ตามการตั้งค่าของเครื่อง",
  "Site navigation": "เมนูของเว็บไซต์",
  "Section Navigation": "เมนูของหมวดนี้",
  "Navigation": "เมนู",
  "On this page": "ในหน้านี้",
  "Version warning": "คำเตือนเรื่องรุ่น",
  "Announcement": "ประกาศ",
  "Index": "ดัชนี",
  "General Index": "ดัชนีทั้งหมด",
  "Indices": "ดัชนี",
  "Home": "หน้าแรก",
  "Breadcrumb": "ตำแหน่งของหน้านี้",
  "Copyright": "ลิขสิทธิ์",
  "About these documents": "เกี่ยวกับเอกสารนี้",
  "Show Source": "ดูต้นฉบับ",
  "Collapse Sidebar": "ย่อแถบด้านข้าง",
  "Expand Sidebar": "ขยายแถบด้านข้าง",
  "next page": "หน้าถัดไป",
  "previous page": "หน้าก่อนหน้า",
  "next": "ถัดไป",
  "previous": "ก่อนหน้า",
  "Error": "ข้อผิดพลาด",
  "Please activate JavaScript to enable the search functionality.": "เปิดใช้ JavaScript ในเบราว์เซอร์ก่อน จึงจะค้นหาได้",
  "Toggle primary sidebar": "แสดงหรือซ่อนเมนูด้านซ้าย",
  "Toggle secondary sidebar": "แสดงหรือซ่อนสารบัญด้านขวา",
  "Search Results": "ผลการค้นหา",
  "Searching": "กำลังค้นหา",
  "Preparing search...": "กำลังเตรียมการค้นหา...",
  ", in ": " ใน ",
  "Hide Search Matches": "ซ่อนคำที่ค้นพบ",
  "Your search did not match any documents. Please make sure that all words are spelled correctly and that you've selected enough categories.": "ไม่พบหน้าที่ตรงกับคำค้น ลองตรวจตัวสะกด หรือใช้คำที่สั้นลง",
  "Search finished, found one page matching the search query.": [
   "ค้นหาเสร็จแล้ว พบ ${resultCount} หน้าที่ตรงกับคำค้น"
  ],
  "Search finished, found ${resultCount} pages matching the search query.": [
   "ค้นหาเสร็จแล้ว พบ ${resultCount} หน้าที่ตรงกับคำค้น"
  ]
 }
});
