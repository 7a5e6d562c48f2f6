/**
 * Simulated buyers per country: names, cities with region and post code, phone shapes and the
 * payment methods buyers there use (weights are rough shares; COD is big in South and Southeast
 * Asia, absent in Spain). Illustrative data made up for the simulator.
 */
export interface CountryBuyers {
  first: string[];
  last: string[];
  /** [city, region, post code] */
  cities: [string, string, string][];
  streets: string[];
  phone: string;
  payments: [string, number][];
  /** Shipping fee choices in the site's minor units. */
  shippingFees: number[];
}

export const BUYERS: Record<string, CountryBuyers> = {
  PH: {
    first: ['Maria', 'Jose', 'Angelica', 'Mark', 'Kristine', 'John Paul', 'Jasmine', 'Carlo'],
    last: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia', 'Mendoza', 'Torres', 'Villanueva'],
    cities: [
      ['Quezon City', 'Metro Manila', '1100'],
      ['Makati', 'Metro Manila', '1200'],
      ['Cebu City', 'Cebu', '6000'],
      ['Davao City', 'Davao del Sur', '8000'],
    ],
    streets: ['Rizal Street', 'Mabini Avenue', 'Bonifacio Drive', 'Aguinaldo Highway'],
    phone: '639',
    payments: [
      ['COD', 0.55],
      ['GCASH', 0.2],
      ['MIXEDCARD', 0.15],
      ['PAYMAYA', 0.1],
    ],
    shippingFees: [3600, 4500, 5800],
  },
  SG: {
    first: ['Wei Ling', 'Jun Jie', 'Siti', 'Arjun', 'Hui Min', 'Daniel', 'Nur Aisyah', 'Ryan'],
    last: ['Tan', 'Lim', 'Lee', 'Ng', 'Wong', 'Kumar', 'Rahman', 'Goh'],
    cities: [
      ['Singapore', 'Singapore', '560123'],
      ['Singapore', 'Singapore', '310045'],
      ['Singapore', 'Singapore', '520210'],
    ],
    streets: ['Ang Mo Kio Ave 3', 'Toa Payoh Lor 1', 'Tampines St 21', 'Jurong West St 52'],
    phone: '659',
    payments: [
      ['MIXEDCARD', 0.5],
      ['PAYNOW', 0.3],
      ['LAZADA_WALLET', 0.15],
      ['COD', 0.05],
    ],
    shippingFees: [199, 299, 0],
  },
  MY: {
    first: ['Ahmad', 'Nurul', 'Mei Ling', 'Kumar', 'Farah', 'Jason', 'Aisyah', 'Hafiz'],
    last: ['bin Abdullah', 'binti Ismail', 'Tan', 'Subramaniam', 'Lee', 'Wong', 'Chong', 'Osman'],
    cities: [
      ['Kuala Lumpur', 'Kuala Lumpur', '50450'],
      ['Petaling Jaya', 'Selangor', '46000'],
      ['George Town', 'Penang', '10200'],
      ['Johor Bahru', 'Johor', '80000'],
    ],
    streets: ['Jalan Ampang', 'Jalan SS2/24', 'Lebuh Chulia', 'Jalan Tebrau'],
    phone: '601',
    payments: [
      ['COD', 0.35],
      ['MIXEDCARD', 0.25],
      ['TOUCHNGO', 0.2],
      ['FPX', 0.2],
    ],
    shippingFees: [490, 690, 0],
  },
  TH: {
    first: ['Somchai', 'Suda', 'Niran', 'Kanya', 'Anan', 'Pim', 'Chaiya', 'Malee'],
    last: ['Saetang', 'Srisuk', 'Wongsa', 'Chaiyaporn', 'Boonmee', 'Rattanakorn', 'Thongdee', 'Kaewmanee'],
    cities: [
      ['Bangkok', 'Bangkok', '10110'],
      ['Chiang Mai', 'Chiang Mai', '50200'],
      ['Khon Kaen', 'Khon Kaen', '40000'],
      ['Hat Yai', 'Songkhla', '90110'],
    ],
    streets: ['Sukhumvit Road', 'Nimmanhaemin Road', 'Mittraphap Road', 'Phetkasem Road'],
    phone: '668',
    payments: [
      ['COD', 0.5],
      ['MIXEDCARD', 0.2],
      ['TRUEMONEY', 0.15],
      ['PROMPTPAY', 0.15],
    ],
    shippingFees: [3800, 4500, 0],
  },
  ID: {
    first: ['Budi', 'Siti', 'Agus', 'Dewi', 'Rizky', 'Putri', 'Andi', 'Ayu'],
    last: ['Santoso', 'Wijaya', 'Saputra', 'Lestari', 'Pratama', 'Hidayat', 'Kusuma', 'Nugroho'],
    cities: [
      ['Jakarta Selatan', 'DKI Jakarta', '12190'],
      ['Bandung', 'Jawa Barat', '40115'],
      ['Surabaya', 'Jawa Timur', '60271'],
      ['Medan', 'Sumatera Utara', '20112'],
    ],
    streets: ['Jl. Sudirman', 'Jl. Braga', 'Jl. Tunjungan', 'Jl. Gatot Subroto'],
    phone: '628',
    payments: [
      ['COD', 0.45],
      ['DANA', 0.2],
      ['OVO', 0.15],
      ['BANK_TRANSFER', 0.2],
    ],
    shippingFees: [9000, 12000, 15000],
  },
  VN: {
    first: ['Minh', 'Lan', 'Hùng', 'Thảo', 'Tuấn', 'Hương', 'Dũng', 'Mai'],
    last: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'],
    cities: [
      ['Hồ Chí Minh', 'Hồ Chí Minh', '700000'],
      ['Hà Nội', 'Hà Nội', '100000'],
      ['Đà Nẵng', 'Đà Nẵng', '550000'],
      ['Cần Thơ', 'Cần Thơ', '900000'],
    ],
    streets: ['Nguyễn Huệ', 'Lê Lợi', 'Trần Hưng Đạo', 'Hai Bà Trưng'],
    phone: '849',
    payments: [
      ['COD', 0.6],
      ['MOMO', 0.15],
      ['MIXEDCARD', 0.1],
      ['ZALOPAY', 0.15],
    ],
    shippingFees: [16500, 22000, 30000],
  },
  PK: {
    first: ['Ali', 'Ayesha', 'Hamza', 'Fatima', 'Usman', 'Zainab', 'Bilal', 'Sana'],
    last: ['Khan', 'Ahmed', 'Malik', 'Hussain', 'Sheikh', 'Raza', 'Qureshi', 'Butt'],
    cities: [
      ['Karachi', 'Sindh', '75500'],
      ['Lahore', 'Punjab', '54000'],
      ['Islamabad', 'Islamabad', '44000'],
      ['Faisalabad', 'Punjab', '38000'],
    ],
    streets: ['Shahrah-e-Faisal', 'Mall Road', 'Jinnah Avenue', 'Canal Road'],
    phone: '923',
    payments: [
      ['COD', 0.75],
      ['JAZZCASH', 0.1],
      ['EASYPAISA', 0.1],
      ['MIXEDCARD', 0.05],
    ],
    shippingFees: [149, 199, 249],
  },
  BD: {
    first: ['Rahim', 'Nusrat', 'Karim', 'Farzana', 'Tanvir', 'Sadia', 'Imran', 'Mim'],
    last: ['Hossain', 'Islam', 'Rahman', 'Ahmed', 'Chowdhury', 'Akter', 'Uddin', 'Sarkar'],
    cities: [
      ['Dhaka', 'Dhaka', '1205'],
      ['Chattogram', 'Chattogram', '4000'],
      ['Sylhet', 'Sylhet', '3100'],
      ['Khulna', 'Khulna', '9100'],
    ],
    streets: ['Mirpur Road', 'Agrabad Access Road', 'Zindabazar', 'KDA Avenue'],
    phone: '8801',
    payments: [
      ['COD', 0.7],
      ['BKASH', 0.2],
      ['NAGAD', 0.05],
      ['MIXEDCARD', 0.05],
    ],
    shippingFees: [60, 100, 130],
  },
  LK: {
    first: ['Nimal', 'Kumari', 'Ruwan', 'Dilani', 'Saman', 'Chathuri', 'Kasun', 'Ishara'],
    last: [
      'Perera',
      'Fernando',
      'Silva',
      'Jayasinghe',
      'Bandara',
      'Wickramasinghe',
      'Dissanayake',
      'Gunawardena',
    ],
    cities: [
      ['Colombo', 'Western', '00300'],
      ['Kandy', 'Central', '20000'],
      ['Galle', 'Southern', '80000'],
      ['Negombo', 'Western', '11500'],
    ],
    streets: ['Galle Road', 'Peradeniya Road', 'Matara Road', 'Main Street'],
    phone: '947',
    payments: [
      ['COD', 0.65],
      ['MIXEDCARD', 0.25],
      ['GENIE', 0.1],
    ],
    shippingFees: [350, 450, 0],
  },
  NP: {
    first: ['Ram', 'Sita', 'Hari', 'Gita', 'Bikash', 'Anjali', 'Suman', 'Puja'],
    last: ['Shrestha', 'Sharma', 'Thapa', 'Gurung', 'Adhikari', 'Tamang', 'Karki', 'Rai'],
    cities: [
      ['Kathmandu', 'Bagmati', '44600'],
      ['Pokhara', 'Gandaki', '33700'],
      ['Lalitpur', 'Bagmati', '44700'],
      ['Biratnagar', 'Koshi', '56613'],
    ],
    streets: ['Durbar Marg', 'Lakeside Road', 'Jhamsikhel Road', 'Main Road'],
    phone: '9779',
    payments: [
      ['COD', 0.7],
      ['ESEWA', 0.2],
      ['KHALTI', 0.1],
    ],
    shippingFees: [100, 150, 0],
  },
  MM: {
    first: ['Aung', 'Thida', 'Kyaw', 'Hnin', 'Zaw', 'Su', 'Min', 'Ei'],
    last: ['Htun', 'Win', 'Oo', 'Aye', 'Myint', 'Naing', 'Soe', 'Lwin'],
    cities: [
      ['Yangon', 'Yangon', '11181'],
      ['Mandalay', 'Mandalay', '05021'],
      ['Naypyidaw', 'Naypyidaw', '15011'],
    ],
    streets: ['Pyay Road', '78th Street', 'Yazathingaha Road'],
    phone: '959',
    payments: [
      ['COD', 0.7],
      ['KBZPAY', 0.2],
      ['WAVEPAY', 0.1],
    ],
    shippingFees: [2000, 2500, 3000],
  },
  ES: {
    first: ['Lucía', 'Hugo', 'Martina', 'Pablo', 'Sofía', 'Daniel', 'Carmen', 'Javier'],
    last: ['García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Fernández', 'Ruiz'],
    cities: [
      ['Madrid', 'Madrid', '28013'],
      ['Barcelona', 'Barcelona', '08001'],
      ['Valencia', 'Valencia', '46002'],
      ['Sevilla', 'Sevilla', '41001'],
    ],
    streets: ['Calle Mayor', 'Carrer de Mallorca', 'Calle de la Paz', 'Avenida de la Constitución'],
    phone: '346',
    payments: [
      ['MIXEDCARD', 0.55],
      ['PAYPAL', 0.25],
      ['BIZUM', 0.15],
      ['APPLEPAY', 0.05],
    ],
    shippingFees: [0, 299, 399],
  },
  US: {
    first: ['Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'Lucas', 'Mia', 'Mateo'],
    last: ['Smith', 'Johnson', 'Brown', 'Silva', 'Müller', 'Kowalski', 'Dubois', 'Rossi'],
    cities: [
      ['Los Angeles', 'California', '90012'],
      ['São Paulo', 'SP', '01310-100'],
      ['Warsaw', 'Mazowieckie', '00-001'],
      ['Paris', 'Île-de-France', '75001'],
    ],
    streets: ['Main Street', 'Avenida Paulista', 'ul. Marszałkowska', 'Rue de Rivoli'],
    phone: '1',
    payments: [
      ['CREDIT_CARD', 0.6],
      ['PAYPAL', 0.3],
      ['APPLEPAY', 0.1],
    ],
    shippingFees: [0, 199],
  },
};
